package dev.omnisync.channel.wire;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many 429s in a row each account has had, and the backoff that doubles with them (from {@code base}, at most
 * {@code cap}) for when the channel gives no advice of its own. Any other answer ends the streak.
 */
public final class ThrottleStreak {

    private final Map<Long, Integer> streaks = new ConcurrentHashMap<>();
    private final Duration base;
    private final Duration cap;

    public ThrottleStreak(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    /** Counts one more 429 for the account; returns the streak length (1 for the first). */
    public int throttled(long accountId) {
        return streaks.merge(accountId, 1, Integer::sum);
    }

    /** The account got an answer that was not a 429. */
    public void ended(long accountId) {
        streaks.remove(accountId);
    }

    /** {@code base} doubled per 429 after the first (at most 2^10 times), never above {@code cap}. */
    public Duration backoff(int streak) {
        return Duration.ofMillis(Math.min(base.toMillis() << Math.min(streak - 1, 10), cap.toMillis()));
    }
}
