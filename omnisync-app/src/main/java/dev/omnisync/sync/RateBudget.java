package dev.omnisync.sync;

import java.time.Duration;

/**
 * One account's call budget: a token bucket at the channel's documented rate and burst that may go into
 * debt (a connector reports how many calls a push took only afterwards), paused outright when the channel
 * answers 429, and spacing bulk submissions where the channel demands it (Mirakl: one import a minute).
 */
final class RateBudget {

    private final double perSecond;
    private final double burst;
    private final Duration minInterval;
    private double tokens;
    private long refilledAtNanos;
    private long pausedUntilNanos;
    private long lastBatchNanos = Long.MIN_VALUE;

    RateBudget(double perSecond, int burst, Duration minInterval) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.minInterval = minInterval;
        this.tokens = burst;
        this.refilledAtNanos = System.nanoTime();
    }

    /** How long to wait before the next call may go (rate and 429 pauses); zero when it may go now. */
    synchronized Duration waitForRate() {
        long now = System.nanoTime();
        refill(now);
        long wait = 0;
        if (pausedUntilNanos > now) {
            wait = pausedUntilNanos - now;
        }
        if (tokens < 1) {
            wait = Math.max(wait, (long) ((1 - tokens) / perSecond * 1e9));
        }
        return Duration.ofNanos(Math.max(0, wait));
    }

    /** How long the next bulk submission must wait for the channel's spacing; zero when it may go now. */
    synchronized Duration waitForBulkSlot() {
        if (minInterval.isZero() || lastBatchNanos == Long.MIN_VALUE) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, lastBatchNanos + minInterval.toNanos() - System.nanoTime()));
    }

    /** Charges the calls a push made; a bulk submission also starts the channel's spacing interval. */
    synchronized void spent(int calls, boolean bulk) {
        long now = System.nanoTime();
        refill(now);
        tokens -= calls;
        if (bulk) {
            lastBatchNanos = now;
        }
    }

    /** The channel said 429: no call until the pause is over. */
    synchronized void pause(Duration pause) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pause.toNanos());
        tokens = Math.min(tokens, 0);
    }

    private void refill(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAtNanos) / 1e9 * perSecond);
        refilledAtNanos = now;
    }
}
