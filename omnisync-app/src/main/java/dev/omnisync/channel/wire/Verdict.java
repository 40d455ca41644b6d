package dev.omnisync.channel.wire;

import java.time.Duration;

/** How a connector's error classifier judges one answer (or one entry of a bulk answer). */
public sealed interface Verdict {

    /** Done. */
    record Ok() implements Verdict {
    }

    /** Refused for a reason resending unchanged will not fix; the channel's code and words. */
    record Permanent(String code, String message) implements Verdict {
    }

    /** Worth another try after the delay (throttled, outage, timeout). */
    record Retryable(Duration delay, String reason) implements Verdict {
    }

    /** The access token is missing, expired or refused: get a new one and try once more. */
    record AuthExpired(String message) implements Verdict {
    }

    Verdict OK = new Ok();

    /**
     * This verdict, except that AuthExpired becomes Retryable after {@code delay}: for answers the client already
     * renewed the token for and tried again, where another immediate renewal would only be refused again.
     */
    default Verdict authExpiredAsRetryable(Duration delay) {
        return this instanceof AuthExpired a ? new Retryable(delay, a.message()) : this;
    }
}
