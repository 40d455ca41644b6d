package dev.omnisync.sync;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.PriceOwner;
import java.util.Map;

/**
 * A listing as the planner sees it: its per-item settings and what the channel last accepted.
 *
 * @param online            fingerprints of the values the channel last accepted, by field
 * @param accountPriceOwner the account-level price ownership (REPRICER there withholds price for every listing)
 * @param asinOwner         Amazon only: whether the seller created the ASIN or is its approved brand owner
 */
public record ListingSnapshot(long workspaceId, long listingId, long accountId, Channel channel, String sku, String channelRef,
        long syncPolicyId, long sellingPolicyId, boolean inventorySync, PriceOwner listingPriceOwner,
        PriceOwner accountPriceOwner, Boolean asinOwner, String status, String lastError, Map<FieldKey, String> online) {

    public static final String ACTIVE = "ACTIVE";
    public static final String QUARANTINED = "QUARANTINED";

    public ListingSnapshot {
        online = online == null ? Map.of() : Map.copyOf(online);
    }

    public ListingSnapshot withStatus(String newStatus) {
        return new ListingSnapshot(workspaceId, listingId, accountId, channel, sku, channelRef, syncPolicyId, sellingPolicyId,
                inventorySync, listingPriceOwner, accountPriceOwner, asinOwner, newStatus, lastError, online);
    }

    public boolean quarantined() {
        return QUARANTINED.equals(status);
    }
}
