package dev.omnisync.order;

import java.time.Duration;
import java.time.Instant;

/** How one poll of an account went. */
public sealed interface PollOutcome {

    /** Every page was read and stored; the cursor now stands at {@code cursor}. */
    record Polled(ImportSummary summary, Instant cursor) implements PollOutcome {
    }

    /**
     * The channel failed midway: orders of the pages read are stored, the cursor did not move, so the next poll
     * reads the window again.
     */
    record Failed(ImportSummary storedBeforeFailure, String message, Duration retryAfter) implements PollOutcome {
    }
}
