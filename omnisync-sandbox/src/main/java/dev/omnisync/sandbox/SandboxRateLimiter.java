package dev.omnisync.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by name (one per channel operation, e.g. {@code amazon.patchListingsItem}): {@code rate}
 * tokens per second refill a bucket of {@code burst}. Rates come from the channel's documented limits and
 * can be overridden with {@code omnisync.sandbox.rate.<bucket>.per-second} / {@code .burst}.
 */
public final class SandboxRateLimiter {

    /** Answer to a take: allowed, or refused with the time until the next token and the plan rate. */
    public record Take(boolean allowed, long millisUntilNextToken, double ratePerSecond, double tokensLeft) {
    }

    private final SandboxSettings settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SandboxRateLimiter(SandboxSettings settings) {
        this.settings = settings;
    }

    public Take take(String bucket, double defaultRatePerSecond, double defaultBurst) {
        Bucket b = buckets.computeIfAbsent(bucket, name -> new Bucket(
                settings.rate(name, defaultRatePerSecond), settings.burst(name, defaultBurst)));
        return b.take(System.nanoTime());
    }

    public void reset() {
        buckets.clear();
    }

    private static final class Bucket {
        final double rate;
        final double burst;
        double tokens;
        long last;

        Bucket(double rate, double burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        synchronized Take take(long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Take(true, 0, rate, tokens);
            }
            long wait = (long) Math.ceil((1 - tokens) / rate * 1000);
            return new Take(false, wait, rate, tokens);
        }
    }
}
