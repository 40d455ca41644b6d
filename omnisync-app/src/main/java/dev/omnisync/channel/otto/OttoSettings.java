package dev.omnisync.channel.otto;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OTTO Market connector settings ({@code omnisync.channels.otto.*}); every value has the documented default.
 *
 * @param connectTimeout    connection timeout
 * @param readTimeout       read timeout (OTTO answers within 10 s)
 * @param maxAttempts       tries per call on 5xx/timeouts
 * @param initialBackoff    first retry wait (doubles)
 * @param maxBackoff        longest retry wait
 * @param pricesPerCall     prices per {@code POST /v5/products/prices} (≤500); quantities per call are the channel
 *                          limit's batch size (≤200)
 * @param scopes            the token scopes asked for
 * @param ordersPageSize    orders per page (≤256)
 * @param offersPageSize    product variations per page (≤100)
 * @param throttleBackoff   first wait after a 429 without {@code Retry-After} (doubles while 429s continue)
 * @param tokenMargin       renew the token this long before it expires (tokens live 30 minutes)
 * @param taskPollAfter     the first poll of a price task, when OTTO's {@code pingAfter} says nothing
 */
@ConfigurationProperties("omnisync.channels.otto")
public record OttoSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Integer pricesPerCall, String scopes, Integer ordersPageSize, Integer offersPageSize,
        Duration throttleBackoff, Duration tokenMargin, Duration taskPollAfter) {

    public OttoSettings {
        readTimeout = readTimeout == null ? Duration.ofSeconds(12) : readTimeout;
        pricesPerCall = pricesPerCall == null ? 500 : Math.max(1, Math.min(500, pricesPerCall));
        scopes = scopes == null ? "products quantities orders" : scopes;
        ordersPageSize = ordersPageSize == null ? 128 : Math.max(1, Math.min(256, ordersPageSize));
        offersPageSize = offersPageSize == null ? 100 : Math.max(1, Math.min(100, offersPageSize));
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(1) : throttleBackoff;
        tokenMargin = tokenMargin == null ? Duration.ofMinutes(1) : tokenMargin;
        taskPollAfter = taskPollAfter == null ? Duration.ofSeconds(30) : taskPollAfter;
    }

    /** The documented defaults. */
    public static OttoSettings defaults() {
        return new OttoSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
