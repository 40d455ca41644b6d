package dev.omnisync.sync;

import dev.omnisync.channel.FieldKey;
import java.time.Instant;
import java.util.Set;

/**
 * A listing's due work: which fields are dirty and how urgent it is. It holds no values; the dispatcher
 * computes them when it sends.
 *
 * @param generation bumped by every re-plan; an outcome clears the revision only if no newer plan arrived
 */
public record Revision(long workspaceId, long listingId, long accountId, Set<FieldKey> fields, int priority, Instant dueAt,
        Instant firstChangedAt, long generation, int attempts) {

    public Revision {
        fields = Set.copyOf(fields);
    }
}
