package dev.omnisync.channel.wire;

import java.time.Duration;
import java.time.Instant;

/** An access token and when it stops working. */
public record AccessToken(String value, Instant expiresAt) {

    /** Whether the token is still good for at least {@code margin}. */
    public boolean validAt(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
