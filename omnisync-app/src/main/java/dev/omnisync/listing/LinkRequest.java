package dev.omnisync.listing;

import dev.omnisync.channel.PriceOwner;
import java.util.List;

/**
 * A request to link a store product to an offer on a channel account. Exactly one of
 * {@code syncPolicyId} and {@code syncPolicy} (created inline) may be given; with neither, and without
 * {@code sellingPolicyId}, the channel's default policies are used.
 */
public record LinkRequest(String sku, Long accountId, String channelRef, Long syncPolicyId, InlineSyncPolicy syncPolicy,
        Long sellingPolicyId, Boolean inventorySync, PriceOwner priceManagedBy, Boolean asinOwner) {

    /** A synchronization policy created in the same step ("+" next to the policy field). */
    public record InlineSyncPolicy(String name, String channel, List<String> fields) {
    }
}
