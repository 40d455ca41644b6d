package dev.omnisync.listing;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.PriceOwner;
import java.time.Instant;

/**
 * A product's offer on one channel account.
 *
 * @param channelRef    the channel's own id of the offer (item id, offer id, ASIN...), when known
 * @param inventorySync whether quantity is synchronized for this listing (per-item flag)
 * @param asinOwner     Amazon only: whether the seller created the ASIN (or is its approved brand owner); null elsewhere
 * @param status        e.g. ACTIVE, or QUARANTINED when the channel rejected it permanently
 * @param onlineJson    what the channel last accepted, per field, as a JSON object
 */
public record Listing(long id, long accountId, Channel channel, String sku, String channelRef, long syncPolicyId,
        String syncPolicyName, long sellingPolicyId, String sellingPolicyName, boolean inventorySync, PriceOwner priceManagedBy,
        Boolean asinOwner, String status, String onlineJson, String lastError, Instant lastSyncedAt, Instant createdAt,
        Instant updatedAt) {
}
