package dev.omnisync.channel.spi;

import java.time.Instant;

/**
 * Where order polling stands: orders changed at or after {@code changedSince}; {@code pageToken} continues a
 * listing that has more pages (the channel's next token, cursor or offset).
 *
 * @param changedSince orders changed at or after this instant
 * @param pageToken    null for the first page of a window
 */
public record OrderCursor(Instant changedSince, String pageToken) {

    public OrderCursor {
        java.util.Objects.requireNonNull(changedSince, "changedSince");
    }

    /** The first page of orders changed since the instant. */
    public static OrderCursor since(Instant changedSince) {
        return new OrderCursor(changedSince, null);
    }
}
