package dev.omnisync.channel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Overrides of the documented channel limits, e.g. {@code omnisync.channels.limits.MIRAKL.min-interval-between-batches=5m}.
 * Anything left out keeps the documented default.
 */
@ConfigurationProperties("omnisync.channels")
public record ChannelSettings(Map<Channel, LimitOverride> limits) {

    public ChannelSettings {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /** The limits in force for a channel: the documented ones with any configured override applied. */
    public ChannelLimits limitsOf(Channel channel) {
        ChannelLimits d = channel.documentedLimits();
        LimitOverride o = limits.get(channel);
        if (o == null) {
            return d;
        }
        return new ChannelLimits(
                o.batchSize() != null ? o.batchSize() : d.batchSize(),
                o.requestsPerSecond() != null ? o.requestsPerSecond() : d.requestsPerSecond(),
                o.burst() != null ? o.burst() : d.burst(),
                o.revisionsPerListingPerDay() != null ? o.revisionsPerListingPerDay() : d.revisionsPerListingPerDay(),
                o.minIntervalBetweenBatches() != null ? o.minIntervalBetweenBatches() : d.minIntervalBetweenBatches(),
                o.coalescingWindow() != null ? o.coalescingWindow() : d.coalescingWindow(),
                o.maxPayloadBytes() != null ? o.maxPayloadBytes() : d.maxPayloadBytes(),
                o.quantityCutsBetweenBatches() != null ? o.quantityCutsBetweenBatches() : d.quantityCutsBetweenBatches());
    }

    public Map<Channel, ChannelLimits> all() {
        Map<Channel, ChannelLimits> all = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            all.put(c, limitsOf(c));
        }
        return all;
    }

    /** One channel's configured overrides; null = keep the documented value. */
    public record LimitOverride(Integer batchSize, Double requestsPerSecond, Integer burst, Integer revisionsPerListingPerDay,
            Duration minIntervalBetweenBatches, Duration coalescingWindow, Long maxPayloadBytes, Integer quantityCutsBetweenBatches) {
    }
}
