package dev.omnisync.channel.tiktok;

import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.wire.AccountSession;
import dev.omnisync.channel.wire.CredentialsRefused;
import dev.omnisync.channel.wire.Query;
import dev.omnisync.channel.wire.Transport;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import dev.omnisync.channel.wire.WireSigning;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * HTTP to the TikTok Shop Partner API. Every call carries {@code app_key}, {@code timestamp}, {@code shop_cipher}
 * (shop-scoped calls) and {@code sign} in the query and the seller token in {@code x-tts-access-token}; {@code sign}
 * = hex HMAC-SHA256(app_secret, app_secret + path + sorted key+value + body + app_secret) over the exact body bytes
 * sent. The token comes from {@code /api/v2/token/get} (auth code) or {@code /api/v2/token/refresh} and is cached per
 * account; the refresh token rotates, so the newest one is kept. Credentials: {@code appKey}, {@code appSecret},
 * {@code shopCipher}, and {@code authCode} or {@code refreshToken} (or a ready {@code accessToken});
 * optional {@code warehouseId}.
 */
final class TiktokClient {

    static final String APP_KEY = "appKey";
    static final String APP_SECRET = "appSecret";

    private final Transport transport;
    private final TiktokSettings settings;
    private final Clock clock;
    private final Map<Long, Tokens> tokens = new ConcurrentHashMap<>();

    /** The seller's tokens for one account. */
    private record Tokens(String access, Instant expiresAt, String refresh) {
    }

    TiktokClient(TiktokSettings settings, Clock clock) {
        this.settings = settings;
        this.transport = new Transport(settings.transport());
        this.clock = clock;
    }

    Session session(ConnectorAccount account) {
        return new Session(account);
    }

    /** hex HMAC-SHA256(secret, secret + path + sorted(key + value, without sign and access_token) + body + secret). */
    static String sign(String secret, String path, Map<String, String> query, byte[] body) {
        StringBuilder head = new StringBuilder(secret).append(path);
        new TreeMap<>(query).forEach((k, v) -> {
            if (!k.equals("sign") && !k.equals("access_token")) {
                head.append(k).append(v);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        out.writeBytes(secret.getBytes(StandardCharsets.UTF_8));
        return WireSigning.hmacSha256Hex(secret, out.toByteArray());
    }

    /** The envelope {@code code} of an answer (0 = success), or -1 when the body is not the envelope. */
    static long code(JsonNode body) {
        JsonNode c = body.get("code");
        return c == null || !c.isNumber() ? -1 : c.asLong();
    }

    final class Session extends AccountSession {

        private Session(ConnectorAccount account) {
            super(account);
        }

        /**
         * A signed shop-scoped call. An expired token (105002) is renewed and the call signed and sent once more;
         * 5xx and timeouts are retried by the transport (the signature stays valid for minutes).
         */
        WireResponse send(HttpMethod method, String path, Map<String, String> query, byte[] body) {
            WireResponse r = sendWith(token(false), method, path, query, body);
            if (code(WireJson.tree(r.body())) == 105002) {
                r = sendWith(token(true), method, path, query, body);
            }
            return r;
        }

        private WireResponse sendWith(String token, HttpMethod method, String path, Map<String, String> extra, byte[] body) {
            Map<String, String> q = new TreeMap<>(extra);
            q.put("app_key", account.credential(APP_KEY));
            q.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
            q.put("shop_cipher", account.credential("shopCipher"));
            String sign = sign(account.credential(APP_SECRET), path, q, body);
            Query query = Query.of();
            q.forEach(query::add);
            query.add("sign", sign);
            HttpHeaders h = new HttpHeaders();
            h.set("x-tts-access-token", token);
            h.set("Accept", "application/json");
            if (body != null) {
                h.set("Content-Type", "application/json");
            }
            return transport.send(method, URI.create(account.baseUrl() + path + query), h, body, this::countCall);
        }

        /** The cached access token, or a new one (refresh grant, else the auth code) when renewing or expired. */
        String token(boolean renew) {
            Tokens t = tokens.get(account.accountId());
            if (!renew && t != null && (t.expiresAt() == null || clock.instant().plus(settings.tokenMargin()).isBefore(t.expiresAt()))) {
                return t.access();
            }
            if (!renew && t == null && account.credentials().containsKey("accessToken")) {
                t = new Tokens(account.credential("accessToken"), null, account.credentialOr("refreshToken", null));
                tokens.put(account.accountId(), t);
                return t.access();
            }
            String refresh = t != null && t.refresh() != null ? t.refresh() : account.credentialOr("refreshToken", null);
            Tokens fresh = null;
            if (refresh != null) {
                fresh = fetch("/api/v2/token/refresh", Query.of().add("refresh_token", refresh).add("grant_type", "refresh_token"),
                        account.credentialOr("authCode", null) != null);
            }
            if (fresh == null) {
                String code = account.credentialOr("authCode", null);
                if (code == null) {
                    throw new CredentialsRefused("TikTok Shop account " + account.accountId() + " has neither a usable refresh token nor an auth code");
                }
                fresh = fetch("/api/v2/token/get", Query.of().add("auth_code", code).add("grant_type", "authorized_code"), false);
            }
            tokens.put(account.accountId(), fresh);
            return fresh.access();
        }

        /** A token call (not signed: app key and secret travel in the query); null when refused and a fallback exists. */
        private Tokens fetch(String path, Query grant, boolean fallbackExists) {
            String base = settings.authBaseUrl() == null ? account.baseUrl() : settings.authBaseUrl();
            String query = Query.of().add("app_key", account.credential(APP_KEY)).add("app_secret", account.credential(APP_SECRET))
                    + "&" + grant.toString().substring(1);
            HttpHeaders h = new HttpHeaders();
            h.set("Accept", "application/json");
            WireResponse r = transport.send(HttpMethod.GET, URI.create(base + path + query), h, null, this::countCall);
            JsonNode body = WireJson.tree(r.body());
            JsonNode data = body.path("data");
            String access = WireJson.text(data, "access_token");
            if (!r.isSuccess() || code(body) != 0 || access == null) {
                if (fallbackExists) {
                    return null;
                }
                throw new CredentialsRefused("TikTok Shop token request refused: HTTP " + r.status() + " "
                        + TiktokErrors.message(body, r));
            }
            long expires = data.path("access_token_expire_in").asLong(0);
            return new Tokens(access, expires > 0 ? Instant.ofEpochSecond(expires) : null, WireJson.text(data, "refresh_token"));
        }
    }
}
