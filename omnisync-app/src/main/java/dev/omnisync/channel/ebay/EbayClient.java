package dev.omnisync.channel.ebay;

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
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * HTTP to eBay's Sell APIs. The user access token comes from the OAuth refresh grant ({@code POST
 * /identity/v1/oauth2/token}, Basic client id/secret) and is cached per account until shortly before it expires; a
 * 401 drops it and the call is tried once more with a fresh one. Credentials: {@code clientId}, {@code clientSecret},
 * {@code refreshToken}.
 */
final class EbayClient {

    static final String TOKEN_PATH = "/identity/v1/oauth2/token";

    private final Transport transport;
    private final EbaySettings settings;
    private final Clock clock;
    private final TokenCache userTokens = new TokenCache();
    private final TokenCache appTokens = new TokenCache();
    private final Map<String, CachedKey> publicKeys = new ConcurrentHashMap<>();

    EbayClient(EbaySettings settings, Clock clock) {
        this.settings = settings;
        this.transport = new Transport(settings.transport());
        this.clock = clock;
    }

    Session session(ConnectorAccount account) {
        return new Session(account);
    }

    record CachedKey(PublicKey key, Instant fetchedAt) {
    }

    final class Session extends AccountSession {

        private Session(ConnectorAccount account) {
            super(account);
        }

        String marketplaceId() {
            return account.region() == null || account.region().isBlank() ? settings.marketplaceId() : account.region();
        }

        /** A JSON call with the user token; 5xx/timeouts retried; a 401 refreshes the token and tries once more. */
        WireResponse send(HttpMethod method, String pathAndQuery, Object body, boolean contentLanguage) {
            byte[] bytes = body == null ? null : body instanceof byte[] b ? b : WireJson.write(body);
            WireResponse r = sendWith(userToken(false), method, pathAndQuery, bytes, contentLanguage);
            if (r.status() == 401) {
                r = sendWith(userToken(true), method, pathAndQuery, bytes, contentLanguage);
            }
            return r;
        }

        private WireResponse sendWith(String token, HttpMethod method, String pathAndQuery, byte[] body, boolean contentLanguage) {
            HttpHeaders h = new HttpHeaders();
            h.set("Authorization", "Bearer " + token);
            h.set("Accept", "application/json");
            h.set("X-EBAY-C-MARKETPLACE-ID", marketplaceId());
            if (body != null) {
                h.set("Content-Type", "application/json");
            }
            if (contentLanguage) {
                h.set("Content-Language", settings.contentLanguage());
            }
            return transport.send(method, URI.create(account.baseUrl() + pathAndQuery), h, body, this::countCall);
        }

        String userToken(boolean renew) {
            return userTokens.token(account.accountId(), renew, clock.instant(), settings.tokenMargin(),
                    () -> fetchToken("grant_type=refresh_token&refresh_token=" + Query.encode(account.credential("refreshToken"))
                            + "&scope=" + Query.encode(String.join(" ", settings.scopes()))));
        }

        /** An application token (client credentials), used to read notification public keys. */
        String appToken() {
            return appTokens.token(account.accountId(), false, clock.instant(), settings.tokenMargin(),
                    () -> fetchToken("grant_type=client_credentials&scope=" + Query.encode("https://api.ebay.com/oauth/api_scope")));
        }

        private AccessToken fetchToken(String form) {
            HttpHeaders h = new HttpHeaders();
            String basic = account.credential("clientId") + ":" + account.credential("clientSecret");
            h.set("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            h.set("Content-Type", "application/x-www-form-urlencoded");
            h.set("Accept", "application/json");
            WireResponse r = transport.send(HttpMethod.POST, URI.create(account.baseUrl() + TOKEN_PATH), h,
                    form.getBytes(StandardCharsets.UTF_8), this::countCall);
            JsonNode body = WireJson.tree(r.body());
            String token = WireJson.text(body, "access_token");
            if (!r.isSuccess() || token == null) {
                throw new CredentialsRefused("eBay token request refused: HTTP " + r.status() + " " + EbayErrors.message(body, r));
            }
            long expiresIn = body.path("expires_in").asLong(7200);
            return new AccessToken(token, clock.instant().plusSeconds(expiresIn));
        }

        /** The notification public key for a key id, cached for {@link EbaySettings#publicKeyTtl()}. */
        PublicKey publicKey(String kid) {
            CachedKey cached = publicKeys.get(kid);
            if (cached != null && cached.fetchedAt().plus(settings.publicKeyTtl()).isAfter(clock.instant())) {
                return cached.key();
            }
            HttpHeaders h = new HttpHeaders();
            h.set("Authorization", "Bearer " + appToken());
            h.set("Accept", "application/json");
            WireResponse r = transport.send(HttpMethod.GET, URI.create(account.baseUrl() + "/commerce/notification/v1/public_key/"
                    + Query.encode(kid)), h, null, this::countCall);
            if (!r.isSuccess()) {
                return null;
            }
            PublicKey key = parsePem(WireJson.text(WireJson.tree(r.body()), "key"));
            if (key != null) {
                publicKeys.put(kid, new CachedKey(key, clock.instant()));
            }
            return key;
        }
    }

    static PublicKey parsePem(String pem) {
        if (pem == null) {
            return null;
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            return null;
        }
    }
}
