package dev.omnisync.sync;

import dev.omnisync.channel.FieldKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue: one revision row per listing. Marks OR fields together and keep the most urgent priority;
 * claims are leases taken with {@code FOR UPDATE SKIP LOCKED}, so several dispatchers (or instances) never
 * send the same listing twice at once, and a crashed one's leases simply lapse.
 */
public interface Revisions {

    /** Work to mark on a listing. */
    record Mark(long workspaceId, long listingId, long accountId, Set<FieldKey> fields, int priority) {
    }

    /** An account with work due now. */
    record DueAccount(long workspaceId, long accountId) {
    }

    void mark(Collection<Mark> marks);

    /** The listing's revision, if it has one. */
    java.util.Optional<Revision> find(long workspaceId, long listingId);

    /** Whether the revision waits for an asynchronous job's result. */
    boolean parked(long workspaceId, long listingId);

    List<DueAccount> accountsWithDueWork(int limit);

    /** The age of the oldest due revision of the account, or null when none is due. */
    Duration oldestDueAge(long workspaceId, long accountId);

    /** Leases up to {@code limit} due revisions of the account at or above an urgency, most urgent first. */
    List<Revision> claim(long workspaceId, long accountId, int limit, String owner, Duration lease, int maxPriority);

    /** Puts a claimed revision back to wait, without counting an attempt (the channel was not asked). */
    void postpone(long workspaceId, long listingId, Duration delay);

    /** The work was done: removes the revision unless a newer plan arrived meanwhile (then only the lease goes). */
    void complete(long workspaceId, long listingId, long generation);

    /** {@link #complete} for many listings at once (generation by listing id), in two batched statements. */
    void completeAll(long workspaceId, Map<Long, Long> generationByListing);

    /** Try again after the delay (the lease goes, attempts count up). */
    void retryLater(long workspaceId, long listingId, long generation, Duration delay);

    /** Park the revision while an asynchronous submission is processed (polled by its job). */
    void park(long workspaceId, long listingId, Duration until);

    /** Drops the revision (the listing was quarantined, or unlinked). */
    void drop(long workspaceId, long listingId);

    /** Queue depth and oldest pending age per account, for metrics and the dashboard. */
    List<QueueStats> stats();

    record QueueStats(long workspaceId, long accountId, long depth, Duration oldestPending) {
    }
}
