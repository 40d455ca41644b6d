package dev.omnisync.channel.otto;

import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.wire.AccessToken;
import dev.omnisync.channel.wire.AccountSession;
import dev.omnisync.channel.wire.CredentialsRefused;
import dev.omnisync.channel.wire.Query;
import dev.omnisync.channel.wire.TokenCache;
import dev.omnisync.channel.wire.Transport;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * HTTP to the OTTO Market API. The token comes from {@code POST /v1/token} (client credentials with the scopes
 * needed; 30 minutes, no refresh token) and is cached per account; a 401 fetches a new one and tries once more.
 * Credentials: {@code clientId}, {@code clientSecret}; optional {@code scopes}.
 */
final class OttoClient {

    private final Transport transport;
    private final OttoSettings settings;
    private final Clock clock;
    private final TokenCache tokens = new TokenCache();

    OttoClient(OttoSettings settings, Clock clock) {
        this.settings = settings;
        this.transport = new Transport(settings.transport());
        this.clock = clock;
    }

    Session session(ConnectorAccount account) {
        return new Session(account);
    }

    final class Session extends AccountSession {

        private Session(ConnectorAccount account) {
            super(account);
        }

        /** A JSON call; a 401 renews the token and tries once more. */
        WireResponse send(HttpMethod method, String pathAndQuery, Object body) {
            byte[] bytes = body == null ? null : WireJson.write(body);
            WireResponse r = sendWith(token(false), method, pathAndQuery, bytes);
            if (r.status() == 401) {
                r = sendWith(token(true), method, pathAndQuery, bytes);
            }
            return r;
        }

        private WireResponse sendWith(String token, HttpMethod method, String pathAndQuery, byte[] body) {
            HttpHeaders h = new HttpHeaders();
            h.set("Authorization", "Bearer " + token);
            h.set("Accept", "application/json");
            if (body != null) {
                h.set("Content-Type", "application/json");
            }
            return transport.send(method, URI.create(account.baseUrl() + pathAndQuery), h, body, this::countCall);
        }

        String token(boolean renew) {
            return tokens.token(account.accountId(), renew, clock.instant(), settings.tokenMargin(), this::fetchToken);
        }

        private AccessToken fetchToken() {
            String form = Query.of().add("client_id", account.credential("clientId")).add("client_secret", account.credential("clientSecret"))
                    .add("grant_type", "client_credentials").add("scope", account.credentialOr("scopes", settings.scopes())).toString().substring(1);
            HttpHeaders h = new HttpHeaders();
            h.set("Content-Type", "application/x-www-form-urlencoded");
            h.set("Accept", "application/json");
            WireResponse r = transport.send(HttpMethod.POST, URI.create(account.baseUrl() + "/v1/token"), h,
                    form.getBytes(StandardCharsets.UTF_8), this::countCall);
            JsonNode body = WireJson.tree(r.body());
            String token = WireJson.text(body, "access_token");
            if (!r.isSuccess() || token == null) {
                throw new CredentialsRefused("OTTO token request refused: HTTP " + r.status() + " " + WireJson.text(body, "error") + ": "
                        + WireJson.text(body, "error_description"));
            }
            return new AccessToken(token, clock.instant().plusSeconds(body.path("expires_in").asLong(1800)));
        }
    }
}
