package dev.omnisync.channel.walmart;

import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.wire.AccessToken;
import dev.omnisync.channel.wire.AccountSession;
import dev.omnisync.channel.wire.CredentialsRefused;
import dev.omnisync.channel.wire.TokenCache;
import dev.omnisync.channel.wire.Transport;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * HTTP to Walmart's {@code /v3} APIs. The access token comes from {@code POST /v3/token} (client credentials, Basic
 * client id/secret) and is cached per account for its 15 minutes less a margin; a 401 drops it and the call is tried
 * once more. Every call carries {@code WM_SEC.ACCESS_TOKEN}, {@code WM_SVC.NAME} and a fresh
 * {@code WM_QOS.CORRELATION_ID}. Credentials: {@code clientId}, {@code clientSecret}.
 */
final class WalmartClient {

    private final Transport transport;
    private final WalmartSettings settings;
    private final Clock clock;
    private final TokenCache tokens = new TokenCache();

    WalmartClient(WalmartSettings settings, Clock clock) {
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

        /** A JSON call (body serialised here). */
        WireResponse send(HttpMethod method, String pathAndQuery, Object body) {
            byte[] bytes = body == null ? null : WireJson.write(body);
            return send(method, pathAndQuery, bytes, bytes == null ? null : "application/json");
        }

        /** A call with a raw body of the given content type; a 401 refreshes the token and tries once more. */
        WireResponse send(HttpMethod method, String pathAndQuery, byte[] body, String contentType) {
            WireResponse r = sendWith(token(false), method, pathAndQuery, body, contentType);
            if (r.status() == 401) {
                r = sendWith(token(true), method, pathAndQuery, body, contentType);
            }
            return r;
        }

        private WireResponse sendWith(String token, HttpMethod method, String pathAndQuery, byte[] body, String contentType) {
            HttpHeaders h = baseHeaders();
            h.set("WM_SEC.ACCESS_TOKEN", token);
            if (contentType != null) {
                h.set("Content-Type", contentType);
            }
            return transport.send(method, URI.create(account.baseUrl() + pathAndQuery), h, body, this::countCall);
        }

        private HttpHeaders baseHeaders() {
            HttpHeaders h = new HttpHeaders();
            h.set("WM_SVC.NAME", settings.serviceName());
            h.set("WM_QOS.CORRELATION_ID", UUID.randomUUID().toString());
            h.set("Accept", "application/json");
            return h;
        }

        String token(boolean renew) {
            return tokens.token(account.accountId(), renew, clock.instant(), settings.tokenMargin(), this::fetchToken);
        }

        private AccessToken fetchToken() {
            HttpHeaders h = baseHeaders();
            String basic = account.credential("clientId") + ":" + account.credential("clientSecret");
            h.set("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            h.set("Content-Type", "application/x-www-form-urlencoded");
            WireResponse r = transport.send(HttpMethod.POST, URI.create(account.baseUrl() + "/v3/token"), h,
                    "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), this::countCall);
            JsonNode body = WireJson.tree(r.body());
            String token = WireJson.text(body, "access_token");
            if (!r.isSuccess() || token == null) {
                throw new CredentialsRefused("Walmart token request refused: HTTP " + r.status() + " " + WalmartErrors.message(body, r));
            }
            return new AccessToken(token, clock.instant().plusSeconds(body.path("expires_in").asLong(900)));
        }
    }
}
