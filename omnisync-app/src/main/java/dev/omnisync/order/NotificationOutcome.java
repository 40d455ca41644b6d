package dev.omnisync.order;

import java.time.Duration;

/** What became of a notification delivered to {@code POST /webhooks/{channel}/{accountId}}. */
public sealed interface NotificationOutcome {

    /** Signature checked; the orders it concerns are imported (or were by a read that started after it arrived). */
    record Imported(String topic, String channelOrderId, ImportSummary summary) implements NotificationOutcome {
    }

    /** The signature (or the channel's authentication) is missing or wrong: nothing was stored. */
    record Refused(String reason) implements NotificationOutcome {
    }

    /** No such account on that channel, or no connector for the channel. */
    record Unknown(String detail) implements NotificationOutcome {
    }

    /** Signature fine, but the channel could not be read now; the channel should deliver again (and polling catches up). */
    record Unavailable(String message, Duration retryAfter) implements NotificationOutcome {
    }
}
