package dev.omnisync.channel.amazon;

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
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * HTTP to the SP-API. The access token comes from Login with Amazon (refresh-token grant; form body with client id
 * and secret) and is cached per account until shortly before its hour is up; a 403/401 drops it and the call is tried
 * once more. No SigV4. PATCH calls are paced per account with a token bucket at the documented 5/s, burst 5.
 * Credentials: {@code clientId}, {@code clientSecret}, {@code refreshToken}, {@code sellerId}; optional {@code lwaTokenUrl}
 * (absolute) or {@code tokenPath} (relative to the account's base URL, as sandboxes serve LWA), {@code marketplaceId}.
 */
final class AmazonClient {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Transport transport;
    private final AmazonSettings settings;
    private final Clock clock;
    private final TokenCache tokens = new TokenCache();
    private final Map<Long, Pace> paces = new ConcurrentHashMap<>();

    AmazonClient(AmazonSettings settings, Clock clock) {
        this.settings = settings;
        this.transport = new Transport(settings.transport());
        this.clock = clock;
    }

    Session session(ConnectorAccount account) {
        return new Session(account);
    }

    /** A token bucket per account for PATCH calls; waits (sleeps) for a token rather than earning a 429. */
    static final class Pace {
        private final double rate;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        Pace(double rate, double burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized void acquire() {
            while (true) {
                long now = System.nanoTime();
                tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                long waitMillis = (long) Math.ceil((1 - tokens) / rate * 1000);
                try {
                    Thread.sleep(Math.max(1, waitMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while pacing Amazon calls", e);
                }
            }
        }
    }

    final class Session extends AccountSession {

        private Session(ConnectorAccount account) {
            super(account);
        }

        String marketplaceId() {
            return account.region() != null && !account.region().isBlank() ? account.region()
                    : account.credentialOr("marketplaceId", settings.marketplaceId());
        }

        String sellerId() {
            return account.credential("sellerId");
        }

        /** Waits for the account's PATCH budget. */
        void pacePatch() {
            paces.computeIfAbsent(account.accountId(), id -> new Pace(settings.patchesPerSecond(), settings.patchBurst())).acquire();
        }

        /** An SP-API call; 5xx/timeouts retried; a 401/403 refreshes the token and tries once more. */
        WireResponse send(HttpMethod method, String pathAndQuery, Object body) {
            byte[] bytes = body == null ? null : body instanceof byte[] b ? b : WireJson.write(body);
            WireResponse r = sendWith(token(false), method, pathAndQuery, bytes);
            if (r.status() == 403 || r.status() == 401) {
                r = sendWith(token(true), method, pathAndQuery, bytes);
            }
            return r;
        }

        private WireResponse sendWith(String token, HttpMethod method, String pathAndQuery, byte[] body) {
            HttpHeaders h = new HttpHeaders();
            h.set("x-amz-access-token", token);
            h.set("x-amz-date", AMZ_DATE.format(clock.instant()));
            h.set("user-agent", settings.userAgent());
            h.set("Accept", "application/json");
            if (body != null) {
                h.set("content-type", "application/json");
            }
            return transport.send(method, URI.create(account.baseUrl() + pathAndQuery), h, body, this::countCall);
        }

        /** A call to a pre-signed document URL (no SP-API headers). */
        WireResponse document(HttpMethod method, String url, byte[] body, String contentType) {
            HttpHeaders h = new HttpHeaders();
            if (contentType != null) {
                h.set("Content-Type", contentType);
            }
            return transport.send(method, URI.create(url), h, body, this::countCall);
        }

        String token(boolean renew) {
            return tokens.token(account.accountId(), renew, clock.instant(), settings.tokenMargin(), this::fetchToken);
        }

        private AccessToken fetchToken() {
            String form = "grant_type=refresh_token&refresh_token=" + Query.encode(account.credential("refreshToken"))
                    + "&client_id=" + Query.encode(account.credential("clientId"))
                    + "&client_secret=" + Query.encode(account.credential("clientSecret"));
            HttpHeaders h = new HttpHeaders();
            h.set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
            h.set("Accept", "application/json");
            String tokenPath = account.credentials().get("tokenPath");
            String url = tokenPath != null ? account.baseUrl() + tokenPath : account.credentialOr("lwaTokenUrl", settings.lwaTokenUrl());
            WireResponse r = transport.send(HttpMethod.POST, URI.create(url), h, form.getBytes(StandardCharsets.UTF_8), this::countCall);
            JsonNode body = WireJson.tree(r.body());
            String token = WireJson.text(body, "access_token");
            if (!r.isSuccess() || token == null) {
                throw new CredentialsRefused("LWA token request refused: HTTP " + r.status() + " " + AmazonErrors.message(body, r));
            }
            return new AccessToken(token, clock.instant().plus(Duration.ofSeconds(body.path("expires_in").asLong(3600))));
        }
    }
}
