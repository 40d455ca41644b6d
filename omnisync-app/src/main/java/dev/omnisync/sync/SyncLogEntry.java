package dev.omnisync.sync;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One decision of the engine, as the sync log keeps it.
 *
 * @param arithmetic      the Selling Policy's trail for the values concerned, e.g.
 *                        {@code quantity: on hand 12 − reserved 2 = 10 → ×80% = 8}
 * @param channelResponse what the channel answered, verbatim where it is short
 * @param latencyMillis   for ACCEPTED: time from the oldest unsent change to the channel's acceptance
 */
public record SyncLogEntry(long workspaceId, Long listingId, Long accountId, Channel channel, String sku, SyncDecision decision,
        Set<FieldKey> fields, List<String> reasons, String arithmetic, String channelResponse, Long latencyMillis,
        Instant at) {

    public SyncLogEntry {
        fields = fields == null ? Set.of() : Set.copyOf(fields);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
