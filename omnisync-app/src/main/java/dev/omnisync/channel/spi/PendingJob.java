package dev.omnisync.channel.spi;

import dev.omnisync.channel.FieldKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An asynchronous submission the channel is still processing (an Amazon listings feed, Walmart inventory,
 * price or item feeds). Plain data, so the dispatcher can store it and poll after a restart.
 *
 * @param submissions the channel's job ids with what each one carries
 * @param items       the listings in the job and the fields sent for each
 * @param submittedAt when the job was submitted
 * @param pollAfter   how long to wait before the first (or next) poll
 */
public record PendingJob(List<Submission> submissions, List<Item> items, Instant submittedAt, Duration pollAfter) {

    public PendingJob {
        submissions = List.copyOf(submissions);
        items = List.copyOf(items);
    }

    /** The same job, to be polled again after {@code delay} (the channel could not be asked, or is still busy). */
    public PendingJob pollAgainAfter(Duration delay) {
        return new PendingJob(submissions, items, submittedAt, delay);
    }

    /**
     * One channel job.
     *
     * @param kind   the channel's job type, e.g. {@code JSON_LISTINGS_FEED}, {@code inventory}, {@code price}
     * @param jobId  the channel's id of the job (feed id)
     * @param fields the fields this job carries for its items
     * @param skus   the SKUs this job carries
     */
    public record Submission(String kind, String jobId, Set<FieldKey> fields, List<String> skus) {
        public Submission {
            fields = Set.copyOf(fields);
            skus = List.copyOf(skus);
        }
    }

    /** One listing in the job. */
    public record Item(long listingId, String sku, Set<FieldKey> fields) {
        public Item {
            fields = Set.copyOf(fields);
        }
    }
}
