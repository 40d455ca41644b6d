package dev.omnisync.sync;

import dev.omnisync.channel.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's Prometheus metrics: queue depth and oldest pending age per account, change→accepted latency
 * per channel, calls and items per call, 429s and quarantined listings.
 */
@Component
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Revisions revisions;
    private final JdbcClient jdbc;
    private final MultiGauge queueDepth;
    private final MultiGauge oldestPending;
    private final MultiGauge quarantinedListings;

    SyncMetrics(MeterRegistry registry, Revisions revisions, JdbcClient jdbc) {
        this.registry = registry;
        this.revisions = revisions;
        this.jdbc = jdbc;
        this.queueDepth = MultiGauge.builder("omnisync.sync.queue.depth")
                .description("Revisions waiting per channel account").register(registry);
        this.oldestPending = MultiGauge.builder("omnisync.sync.queue.oldest.seconds")
                .description("Age of the oldest unsent change per channel account").baseUnit("seconds").register(registry);
        this.quarantinedListings = MultiGauge.builder("omnisync.sync.quarantined.listings")
                .description("Listings quarantined by a channel's refusal").register(registry);
    }

    void accepted(Channel channel, Duration latency) {
        Timer.builder("omnisync.sync.latency")
                .description("Time from a store change to the channel's acceptance")
                .tag("channel", channel.name())
                .publishPercentileHistogram()
                .register(registry).record(latency.toMillis(), TimeUnit.MILLISECONDS);
    }

    void pushed(Channel channel, int calls, int items, long nanos) {
        Counter.builder("omnisync.sync.calls").tag("channel", channel.name()).register(registry).increment(calls);
        Counter.builder("omnisync.sync.items").tag("channel", channel.name()).register(registry).increment(items);
        DistributionSummary.builder("omnisync.sync.items.per.call").tag("channel", channel.name()).register(registry)
                .record(calls == 0 ? items : (double) items / calls);
        Timer.builder("omnisync.sync.push").tag("channel", channel.name()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void throttled(Channel channel) {
        Counter.builder("omnisync.sync.throttled").description("429 answers").tag("channel", channel.name())
                .register(registry).increment();
    }

    void quarantined(Channel channel) {
        Counter.builder("omnisync.sync.rejected").tag("channel", channel.name()).register(registry).increment();
    }

    /** Refreshes the per-account gauges from the database. */
    @Scheduled(fixedDelayString = "${omnisync.sync.metrics-refresh:5s}")
    void refreshGauges() {
        List<Revisions.QueueStats> stats = revisions.stats();
        queueDepth.register(stats.stream().map(s -> MultiGauge.Row.of(tags(s), s.depth())).toList(), true);
        oldestPending.register(stats.stream().map(s -> MultiGauge.Row.of(tags(s), s.oldestPending().toMillis() / 1000.0)).toList(), true);
        quarantinedListings.register(jdbc.sql("""
                select channel, count(*) from listing where status = 'QUARANTINED' group by channel""")
                .query((rs, n) -> MultiGauge.Row.of(Tags.of("channel", rs.getString(1)), rs.getLong(2))).list(), true);
    }

    private static Tags tags(Revisions.QueueStats s) {
        return Tags.of("workspace", Long.toString(s.workspaceId()), "account", Long.toString(s.accountId()));
    }
}
