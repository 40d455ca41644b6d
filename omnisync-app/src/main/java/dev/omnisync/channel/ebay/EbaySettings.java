package dev.omnisync.channel.ebay;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * eBay connector settings ({@code omnisync.channels.ebay.*}).
 *
 * @param connectTimeout   connection timeout
 * @param readTimeout      read timeout
 * @param maxAttempts      tries per call on 5xx/timeouts
 * @param initialBackoff   first retry wait (doubles)
 * @param maxBackoff       longest retry wait
 * @param scopes           OAuth scopes asked for on refresh (a subset of the consented ones)
 * @param marketplaceId    {@code X-EBAY-C-MARKETPLACE-ID} when the account names none
 * @param contentLanguage  {@code Content-Language} for inventory item and offer PUTs
 * @param ordersPageSize   orders per page (≤200)
 * @param offersPageSize   inventory items per page when listing (≤200; each needs one offer lookup)
 * @param throttleBackoff  first wait after a 429 without {@code Retry-After} (doubles while 429s continue)
 * @param tokenMargin      refresh the access token this long before it expires
 * @param publicKeyTtl     how long a notification public key is cached
 */
@ConfigurationProperties("omnisync.channels.ebay")
public record EbaySettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, List<String> scopes, String marketplaceId, String contentLanguage, Integer ordersPageSize,
        Integer offersPageSize, Duration throttleBackoff, Duration tokenMargin, Duration publicKeyTtl) {

    public EbaySettings {
        scopes = scopes == null || scopes.isEmpty() ? List.of(
                "https://api.ebay.com/oauth/api_scope/sell.inventory",
                "https://api.ebay.com/oauth/api_scope/sell.fulfillment") : List.copyOf(scopes);
        marketplaceId = marketplaceId == null ? "EBAY_US" : marketplaceId;
        contentLanguage = contentLanguage == null ? "en-US" : contentLanguage;
        ordersPageSize = ordersPageSize == null ? 200 : Math.min(200, ordersPageSize);
        offersPageSize = offersPageSize == null ? 100 : Math.min(200, offersPageSize);
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(5) : throttleBackoff;
        tokenMargin = tokenMargin == null ? Duration.ofSeconds(60) : tokenMargin;
        publicKeyTtl = publicKeyTtl == null ? Duration.ofHours(1) : publicKeyTtl;
    }

    /** The documented defaults. */
    public static EbaySettings defaults() {
        return new EbaySettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
