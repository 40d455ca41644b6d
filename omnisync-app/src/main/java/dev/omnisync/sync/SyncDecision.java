package dev.omnisync.sync;

/** What the engine decided or learnt about a listing's fields; one sync-log entry each. */
public enum SyncDecision {
    /** Marked for sending: a revision is queued. */
    QUEUED,
    /** Handed to the channel in a call. */
    SENT,
    /** The channel accepted the values; they are now the listing's online values. */
    ACCEPTED,
    /** Not sent, for the reasons given (policy toggle, inventory sync off, repricer, ASIN rule, unchanged). */
    SKIPPED,
    /** The channel asked to try later (throttling, outage); the revision waits with back-off. */
    RETRY,
    /** The channel refused the item; the listing is quarantined with the channel's message. */
    FAILED,
    /** Something a person should know (repricer detected, quarantine lifted, ...). */
    NOTE
}
