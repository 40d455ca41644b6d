package dev.omnisync.sandbox;

import java.time.Duration;
import org.springframework.core.env.Environment;

/**
 * The sandbox's settings, read from the environment: {@code omnisync.sandbox.processing-delay} (async jobs,
 * default 500ms), {@code omnisync.sandbox.timeout} (how long a TIMEOUT fault holds a call, default 30s),
 * {@code omnisync.sandbox.rate.<bucket>.per-second|burst} (rate-limit overrides), and
 * {@code omnisync.sandbox.<channel>.<credential>} (credentials the simulators accept).
 */
public final class SandboxSettings {

    private final Environment env;

    public SandboxSettings(Environment env) {
        this.env = env;
    }

    public Duration processingDelay() {
        return env.getProperty("omnisync.sandbox.processing-delay", Duration.class, Duration.ofMillis(500));
    }

    public Duration timeout() {
        return env.getProperty("omnisync.sandbox.timeout", Duration.class, Duration.ofSeconds(30));
    }

    public Duration slow() {
        return env.getProperty("omnisync.sandbox.slow", Duration.class, Duration.ofSeconds(2));
    }

    double rate(String bucket, double fallback) {
        return env.getProperty("omnisync.sandbox.rate." + bucket + ".per-second", Double.class, fallback);
    }

    double burst(String bucket, double fallback) {
        return env.getProperty("omnisync.sandbox.rate." + bucket + ".burst", Double.class, fallback);
    }

    /** A credential the simulator of {@code channel} accepts, e.g. ("ebay", "client-id", "sandbox-ebay-client"). */
    public String credential(String channel, String name, String fallback) {
        return env.getProperty("omnisync.sandbox." + channel + "." + name, fallback);
    }

    public int integer(String key, int fallback) {
        return env.getProperty("omnisync.sandbox." + key, Integer.class, fallback);
    }

    /** A duration setting {@code omnisync.sandbox.<key>}. */
    public Duration duration(String key, Duration fallback) {
        return env.getProperty("omnisync.sandbox." + key, Duration.class, fallback);
    }
}
