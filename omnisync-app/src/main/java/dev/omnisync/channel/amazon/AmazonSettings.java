package dev.omnisync.channel.amazon;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Amazon connector settings ({@code omnisync.channels.amazon.*}).
 *
 * @param connectTimeout   connection timeout
 * @param readTimeout      read timeout
 * @param maxAttempts      tries per call on 5xx/timeouts
 * @param initialBackoff   first retry wait (doubles)
 * @param maxBackoff       longest retry wait
 * @param lwaTokenUrl      Login with Amazon token endpoint (an account's {@code lwaTokenUrl} credential overrides it)
 * @param marketplaceId    marketplace when the account names none
 * @param productType      product type sent with patches when the update names no category
 * @param languageTag      language of title/description values
 * @param feedThreshold    more items than this go into one JSON_LISTINGS_FEED instead of single PATCHes
 *                         (25 patches take ~5 s at 5 req/s)
 * @param patchesPerSecond pacing of PATCH calls per account (documented 5/s)
 * @param patchBurst       PATCH calls allowed at once (documented 5)
 * @param feedPollAfter    suggested wait before polling a feed
 * @param throttleBackoff  first wait after a 429 without rate advice (doubles)
 * @param tokenMargin      refresh the access token this long before it expires
 * @param userAgent        the required {@code user-agent}
 * @param ordersLag        how far before now an orders window may start (Amazon: two minutes)
 */
@ConfigurationProperties("omnisync.channels.amazon")
public record AmazonSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, String lwaTokenUrl, String marketplaceId, String productType, String languageTag,
        Integer feedThreshold, Double patchesPerSecond, Integer patchBurst, Duration feedPollAfter, Duration throttleBackoff,
        Duration tokenMargin, String userAgent, Duration ordersLag) {

    public AmazonSettings {
        lwaTokenUrl = lwaTokenUrl == null ? "https://api.amazon.com/auth/o2/token" : lwaTokenUrl;
        marketplaceId = marketplaceId == null ? "ATVPDKIKX0DER" : marketplaceId;
        productType = productType == null ? "PRODUCT" : productType;
        languageTag = languageTag == null ? "en_US" : languageTag;
        feedThreshold = feedThreshold == null ? 25 : feedThreshold;
        patchesPerSecond = patchesPerSecond == null ? 5.0 : patchesPerSecond;
        patchBurst = patchBurst == null ? 5 : patchBurst;
        feedPollAfter = feedPollAfter == null ? Duration.ofSeconds(30) : feedPollAfter;
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(1) : throttleBackoff;
        tokenMargin = tokenMargin == null ? Duration.ofSeconds(60) : tokenMargin;
        userAgent = userAgent == null ? "Omnisync/0.1 (Language=Java/17; Platform=Linux)" : userAgent;
        ordersLag = ordersLag == null ? Duration.ofMinutes(2) : ordersLag;
    }

    /** The documented defaults. */
    public static AmazonSettings defaults() {
        return new AmazonSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
