package dev.omnisync.channel.temu;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Temu connector settings ({@code omnisync.channels.temu.*}); every value has the documented default.
 *
 * @param connectTimeout    connection timeout
 * @param readTimeout       read timeout
 * @param maxAttempts       tries per call on 5xx/timeouts
 * @param initialBackoff    first retry wait (doubles)
 * @param maxBackoff        longest retry wait
 * @param maxQuantity       the largest stock target Temu takes (999,999); larger stock is sent as this
 * @param pageSize          SKUs/orders per page (≤100)
 * @param priceChangeReason the {@code reason} of price changes (Temu requires one)
 * @param throttleBackoff   first wait after RATE_LIMIT_EXCEED (4000004), doubling while it continues
 * @param webhookSkew       how far a webhook's {@code x-tm-timestamp} may be from our clock
 */
@ConfigurationProperties("omnisync.channels.temu")
public record TemuSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Integer maxQuantity, Integer pageSize, String priceChangeReason, Duration throttleBackoff,
        Duration webhookSkew) {

    public TemuSettings {
        maxQuantity = maxQuantity == null ? 999_999 : Math.min(999_999, maxQuantity);
        pageSize = pageSize == null ? 100 : Math.max(1, Math.min(100, pageSize));
        priceChangeReason = priceChangeReason == null ? "Price update from Omnisync" : priceChangeReason;
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(1) : throttleBackoff;
        webhookSkew = webhookSkew == null ? Duration.ofMinutes(10) : webhookSkew;
    }

    /** The documented defaults. */
    public static TemuSettings defaults() {
        return new TemuSettings(null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
