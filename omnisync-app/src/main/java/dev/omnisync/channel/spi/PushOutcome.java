package dev.omnisync.channel.spi;

import dev.omnisync.channel.FieldKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** What became of one item of a push or poll. Expected outcomes are values, never exceptions. */
public sealed interface PushOutcome {

    /** The listing the outcome is about. */
    long listingId();

    /** The channel accepted these fields (for async channels: its result says so). */
    record Accepted(long listingId, Set<FieldKey> fields) implements PushOutcome {
        public Accepted {
            fields = Set.copyOf(fields);
        }
    }

    /**
     * The channel refused the item for a reason that resending it unchanged will not fix.
     *
     * @param code           the channel's error code (e.g. eBay 25709, Walmart ERR_EXT_DATA_0101211)
     * @param channelMessage the channel's own words, shown to the user
     */
    record Rejected(long listingId, String code, String channelMessage) implements PushOutcome {
    }

    /**
     * Not done now, worth trying again: throttled, channel outage, timeout.
     *
     * @param delay  the least wait before trying again (from the channel's advice, or a backoff)
     * @param reason why, for the sync log
     */
    record RetryLater(long listingId, Duration delay, String reason) implements PushOutcome {
        public RetryLater {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                delay = Duration.ZERO;
            }
        }
    }

    /** Submitted to an asynchronous channel job; read the result with {@link ChannelConnector#poll}. */
    record Pending(long listingId, PendingJob job) implements PushOutcome {
    }
}
