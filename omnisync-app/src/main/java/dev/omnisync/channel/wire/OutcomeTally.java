package dev.omnisync.channel.wire;

import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.PendingJob;
import dev.omnisync.channel.spi.PushOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what happened to each part of each item (an item may need a price/quantity call and a content call)
 * and turns it into one outcome per item: any permanent refusal rejects the item, else any retryable failure makes
 * it RetryLater, else a pending submission makes it Pending, else it is accepted with the fields that went through.
 */
public final class OutcomeTally {

    private final Map<Long, Entry> entries = new LinkedHashMap<>();

    public OutcomeTally(Collection<ItemUpdate> updates) {
        for (ItemUpdate u : updates) {
            entries.putIfAbsent(u.listingId(), new Entry(u.listingId()));
        }
    }

    public void accepted(long listingId, Set<FieldKey> fields) {
        entry(listingId).accepted.addAll(fields);
    }

    public void record(long listingId, Set<FieldKey> fields, Verdict verdict) {
        Entry e = entry(listingId);
        if (verdict instanceof Verdict.Ok) {
            e.accepted.addAll(fields);
        } else if (verdict instanceof Verdict.Permanent p) {
            if (e.rejection == null) {
                e.rejection = new PushOutcome.Rejected(listingId, p.code(), describe(fields, p.message()));
            }
        } else if (verdict instanceof Verdict.Retryable r) {
            e.retry(r.delay(), describe(fields, r.reason()));
        } else if (verdict instanceof Verdict.AuthExpired a) {
            e.retry(Duration.ofSeconds(1), describe(fields, a.message()));
        }
    }

    public void rejected(long listingId, String code, String message) {
        record(listingId, Set.of(), new Verdict.Permanent(code, message));
    }

    public void retryLater(long listingId, Duration delay, String reason) {
        record(listingId, Set.of(), new Verdict.Retryable(delay, reason));
    }

    public void pending(long listingId, PendingJob job) {
        entry(listingId).pending = job;
    }

    /** Whether the item has already failed (so further calls for it can be skipped). */
    public boolean hasFailed(long listingId) {
        Entry e = entry(listingId);
        return e.rejection != null || e.retryDelay != null;
    }

    /** One outcome per update, in the order of the updates. */
    public List<PushOutcome> outcomes() {
        List<PushOutcome> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            if (e.rejection != null) {
                out.add(e.rejection);
            } else if (e.retryDelay != null) {
                out.add(new PushOutcome.RetryLater(e.listingId, e.retryDelay, e.retryReason));
            } else if (e.pending != null) {
                out.add(new PushOutcome.Pending(e.listingId, e.pending));
            } else {
                out.add(new PushOutcome.Accepted(e.listingId, e.accepted));
            }
        }
        return out;
    }

    private Entry entry(long listingId) {
        return entries.computeIfAbsent(listingId, Entry::new);
    }

    private static String describe(Set<FieldKey> fields, String message) {
        return fields.isEmpty() ? message : fields.stream().sorted().toList() + ": " + message;
    }

    private static final class Entry {
        final long listingId;
        final Set<FieldKey> accepted = EnumSet.noneOf(FieldKey.class);
        PushOutcome.Rejected rejection;
        Duration retryDelay;
        String retryReason;
        PendingJob pending;

        Entry(long listingId) {
            this.listingId = listingId;
        }

        void retry(Duration delay, String reason) {
            if (retryDelay == null || delay.compareTo(retryDelay) > 0) {
                retryDelay = delay;
                retryReason = reason;
            }
        }
    }
}
