package dev.omnisync.channel.walmart;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Walmart connector settings ({@code omnisync.channels.walmart.*}).
 *
 * @param connectTimeout         connection timeout
 * @param readTimeout            read timeout
 * @param maxAttempts            tries per call on 5xx/timeouts
 * @param initialBackoff         first retry wait (doubles)
 * @param maxBackoff             longest retry wait
 * @param serviceName            {@code WM_SVC.NAME}
 * @param singleUpdateMax        at most this many urgent quantity cuts go as single {@code PUT /v3/inventory} calls
 * @param inventoryFeedVersion   {@code InventoryHeader.version}
 * @param priceFeedVersion       {@code PriceHeader.version}
 * @param maintenanceFeedVersion {@code MPItemFeedHeader.version} of MP_MAINTENANCE
 * @param category               the item-spec category key when an update names none (e.g. "Kitchen & Dining")
 * @param subCategory            the item-spec sub-category of the maintenance header
 * @param feedPollAfter          suggested wait before polling a feed
 * @param throttleBackoff        first wait after a 429 without replenishment advice (doubles)
 * @param tokenMargin            refresh the token this long before it expires
 * @param pageSize               orders and items per page (≤200)
 * @param webhookAuthHeader      the header our webhook subscription asked Walmart to sign into
 */
@ConfigurationProperties("omnisync.channels.walmart")
public record WalmartSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, String serviceName, Integer singleUpdateMax, String inventoryFeedVersion, String priceFeedVersion,
        String maintenanceFeedVersion, String category, String subCategory, Duration feedPollAfter, Duration throttleBackoff,
        Duration tokenMargin, Integer pageSize, String webhookAuthHeader) {

    public WalmartSettings {
        serviceName = serviceName == null ? "Walmart Marketplace" : serviceName;
        singleUpdateMax = singleUpdateMax == null ? 10 : singleUpdateMax;
        inventoryFeedVersion = inventoryFeedVersion == null ? "1.4" : inventoryFeedVersion;
        priceFeedVersion = priceFeedVersion == null ? "1.7" : priceFeedVersion;
        maintenanceFeedVersion = maintenanceFeedVersion == null ? "4.8" : maintenanceFeedVersion;
        category = category == null ? "Home" : category;
        subCategory = subCategory == null ? "home_other" : subCategory;
        feedPollAfter = feedPollAfter == null ? Duration.ofSeconds(30) : feedPollAfter;
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(2) : throttleBackoff;
        tokenMargin = tokenMargin == null ? Duration.ofSeconds(60) : tokenMargin;
        pageSize = pageSize == null ? 200 : Math.min(200, pageSize);
        webhookAuthHeader = webhookAuthHeader == null ? "X-Walmart-Auth" : webhookAuthHeader;
    }

    /** The documented defaults. */
    public static WalmartSettings defaults() {
        return new WalmartSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
