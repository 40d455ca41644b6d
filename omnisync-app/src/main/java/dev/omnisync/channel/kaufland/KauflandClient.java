package dev.omnisync.channel.kaufland;

import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.wire.AccountSession;
import dev.omnisync.channel.wire.Transport;
import dev.omnisync.channel.wire.WireResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * HTTP to the Kaufland Seller API. Every request is signed: {@code Shop-Signature} = lowercase hex of
 * HMAC-SHA256(secret key as UTF-8, {@code METHOD\nURI\nBODY\nTIMESTAMP}), where URI is the full URL exactly as sent
 * and BODY the exact bytes sent. Credentials: {@code clientKey}, {@code secretKey}.
 */
final class KauflandClient {

    static final String CLIENT_KEY = "clientKey";
    static final String SECRET_KEY = "secretKey";

    private final Transport transport;
    private final KauflandSettings settings;
    private final Clock clock;

    KauflandClient(KauflandSettings settings, Clock clock) {
        this.settings = settings;
        this.transport = new Transport(settings.transport());
        this.clock = clock;
    }

    /** Calls for one account, counted. */
    Session session(ConnectorAccount account) {
        return new Session(account);
    }

    /** The signature of one request: lowercase hex HMAC-SHA256 over {@code METHOD\nURI\nBODY\nTIMESTAMP}. */
    static String sign(String secretKey, String method, String uri, byte[] body, long timestamp) {
        String stringToSign = method.toUpperCase() + "\n" + uri + "\n"
                + (body == null ? "" : new String(body, StandardCharsets.UTF_8)) + "\n" + timestamp;
        return HexFormat.of().formatHex(hmacSha256(secretKey, stringToSign));
    }

    static byte[] hmacSha256(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    final class Session extends AccountSession {

        private Session(ConnectorAccount account) {
            super(account);
        }

        String storefront() {
            return account.region() == null || account.region().isBlank() ? settings.storefront() : account.region().toLowerCase();
        }

        /**
         * A signed request to {@code baseUrl + pathAndQuery}; 5xx and timeouts retried with backoff. Signed once:
         * retries happen within seconds, well inside the ±5 minutes Kaufland allows.
         */
        WireResponse send(HttpMethod method, String pathAndQuery, byte[] body) {
            String uri = account.baseUrl() + pathAndQuery;
            long timestamp = clock.instant().getEpochSecond();
            HttpHeaders h = new HttpHeaders();
            h.set("Accept", "application/json");
            h.set("Shop-Client-Key", account.credential(CLIENT_KEY));
            h.set("Shop-Timestamp", Long.toString(timestamp));
            h.set("Shop-Signature", sign(account.credential(SECRET_KEY), method.name(), uri, body, timestamp));
            h.set("User-Agent", settings.userAgent());
            if (body != null) {
                h.set("Content-Type", "application/json");
            }
            return transport.send(method, URI.create(uri), h, body, this::countCall);
        }
    }
}
