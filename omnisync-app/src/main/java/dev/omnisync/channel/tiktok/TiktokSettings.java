package dev.omnisync.channel.tiktok;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * TikTok Shop connector settings ({@code omnisync.channels.tiktok.*}); every value has the documented default.
 *
 * @param connectTimeout  connection timeout
 * @param readTimeout     read timeout
 * @param maxAttempts     tries per call on 5xx/timeouts
 * @param initialBackoff  first retry wait (doubles)
 * @param maxBackoff      longest retry wait
 * @param maxQuantity     the most TikTok takes per warehouse in one call (99,999); larger stock is sent as this
 * @param pageSize        products/orders per page (1..100)
 * @param throttleBackoff first wait after a 429 without {@code Retry-After} (doubles while 429s continue)
 * @param tokenMargin     renew the access token this long before it expires
 * @param authBaseUrl     the token host ({@code https://auth.tiktok-shops.com}); null = the account's API base URL
 */
@ConfigurationProperties("omnisync.channels.tiktok")
public record TiktokSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Integer maxQuantity, Integer pageSize, Duration throttleBackoff, Duration tokenMargin,
        String authBaseUrl) {

    public TiktokSettings {
        maxQuantity = maxQuantity == null ? 99_999 : Math.min(99_999, maxQuantity);
        pageSize = pageSize == null ? 100 : Math.max(1, Math.min(100, pageSize));
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(1) : throttleBackoff;
        tokenMargin = tokenMargin == null ? Duration.ofMinutes(5) : tokenMargin;
    }

    /** The documented defaults. */
    public static TiktokSettings defaults() {
        return new TiktokSettings(null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
