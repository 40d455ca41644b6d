package dev.omnisync.channel.wire;

import java.time.Duration;

/**
 * How a connector talks HTTP.
 *
 * @param connectTimeout time to open a connection
 * @param readTimeout    time to wait for an answer
 * @param maxAttempts    tries per call for server errors and timeouts (1 = no retry)
 * @param initialBackoff wait before the second try; doubled each try
 * @param maxBackoff     the longest wait between tries, and the longest delay a RetryLater proposes without advice
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {

    public TransportSettings {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxAttempts = maxAttempts < 1 ? 3 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
    }

    /** Exponential backoff for the n-th consecutive failure (1-based), capped at {@link #maxBackoff()}. */
    public Duration backoff(int failures) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < failures && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
