package dev.omnisync.channel.kaufland;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kaufland connector settings ({@code omnisync.channels.kaufland.*}); every value has the documented default.
 *
 * @param connectTimeout    connection timeout
 * @param readTimeout       read timeout
 * @param maxAttempts       tries per call on 5xx/timeouts
 * @param initialBackoff    first retry wait (doubles)
 * @param maxBackoff        longest retry wait
 * @param userAgent         the required {@code User-Agent}
 * @param storefront        storefront used when the account names none (de, cz, sk, pl, at, fr, it)
 * @param ordersPageSize    order units per page (≤100)
 * @param offersPageSize    units per page when listing (≤100)
 * @param throttleBackoff   first wait after a 429 (Kaufland sends no advice)
 * @param clockSkew         how far a notification's Shop-Timestamp may be from our clock
 * @param webhookBaseUrl    our public base URL, for verifying notification signatures (signed over the callback URL)
 */
@ConfigurationProperties("omnisync.channels.kaufland")
public record KauflandSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, String userAgent, String storefront, Integer ordersPageSize, Integer offersPageSize,
        Duration throttleBackoff, Duration clockSkew, String webhookBaseUrl) {

    public KauflandSettings {
        userAgent = userAgent == null ? "Omnisync/0.1 (Inhouse_development)" : userAgent;
        storefront = storefront == null ? "de" : storefront;
        ordersPageSize = ordersPageSize == null ? 100 : Math.min(100, ordersPageSize);
        offersPageSize = offersPageSize == null ? 100 : Math.min(100, offersPageSize);
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(1) : throttleBackoff;
        clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
        webhookBaseUrl = webhookBaseUrl == null ? "http://localhost:8080" : webhookBaseUrl;
    }

    /** The documented defaults. */
    public static KauflandSettings defaults() {
        return new KauflandSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
