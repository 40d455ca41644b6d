package dev.omnisync.sync;

import dev.omnisync.channel.FieldKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The engine's set-based reads and writes of listings' sync state (online values, quarantine, last sync).
 * The listing module owns the link and its settings; the engine owns what the channel last accepted.
 */
public interface ListingSnapshots {

    /** Listings of these SKUs, with their account's price ownership. */
    List<ListingSnapshot> bySkus(long workspaceId, Collection<String> skus);

    List<ListingSnapshot> byIds(long workspaceId, Collection<Long> listingIds);

    /** Records what the channel accepted, per listing, and lifts their quarantine: one batch for a whole push. */
    void accepted(long workspaceId, Map<Long, Map<FieldKey, String>> onlineFingerprintsByListing);

    /** Quarantines a listing with the channel's message until its data changes or a person retries. */
    void quarantine(long workspaceId, long listingId, String channelMessage);

    /** Lifts a quarantine (the data changed, or a person asked for a retry). */
    void release(long workspaceId, Collection<Long> listingIds);

    /**
     * Moves the remembered online quantity ({@code online->'QUANTITY'}) of one account's listings by a delta per SKU
     * (never below zero), for changes the channel made by itself: an order there lowered its own quantity, a
     * cancellation raised it. The planner then does not resend a number the channel already holds. One statement;
     * listings without a remembered quantity are left alone.
     */
    void adjustOnlineQuantity(long workspaceId, long accountId, Map<String, Integer> deltaBySku);
}
