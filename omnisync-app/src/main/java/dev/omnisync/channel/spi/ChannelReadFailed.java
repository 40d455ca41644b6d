package dev.omnisync.channel.spi;

import java.time.Duration;

/**
 * A read ({@code listOffers}, {@code ordersSince}) could not be completed: the channel refused, throttled or did not
 * answer. The caller keeps its cursor and tries again after {@link #retryAfter()}.
 */
public class ChannelReadFailed extends RuntimeException {

    private final Duration retryAfter;

    public ChannelReadFailed(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
