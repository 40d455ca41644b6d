package dev.omnisync.channel;

import java.time.Duration;

/**
 * A channel's documented limits; every one is configuration with the documented value as its default
 * ({@code omnisync.channels.<CHANNEL>.*}).
 *
 * @param batchSize                 items in the largest update call the channel accepts (TikTok Shop and
 *                                  Temu: one product with all its variants per call, so 1)
 * @param requestsPerSecond         sustained update calls per second per account
 * @param burst                     calls allowed at once before the sustained rate applies
 * @param revisionsPerListingPerDay the channel's daily revision budget per listing (0 = none; eBay 250)
 * @param minIntervalBetweenBatches the least time between two bulk submissions (Mirakl OF01: one a minute)
 * @param coalescingWindow          how long a burst of changes may wait to share a batch
 * @param maxPayloadBytes           the largest request or file body (0 = not documented)
 * @param quantityCutsBetweenBatches how many quantity cuts may go by the channel's single-item path while bulk
 *                                   submissions wait out {@code minIntervalBetweenBatches} (Walmart: single
 *                                   inventory PUTs; 0 = the channel has no such path)
 */
public record ChannelLimits(int batchSize, double requestsPerSecond, int burst, int revisionsPerListingPerDay,
        Duration minIntervalBetweenBatches, Duration coalescingWindow, long maxPayloadBytes, int quantityCutsBetweenBatches) {

    public ChannelLimits(int batchSize, double requestsPerSecond, int burst, int revisionsPerListingPerDay,
            Duration minIntervalBetweenBatches, Duration coalescingWindow, long maxPayloadBytes) {
        this(batchSize, requestsPerSecond, burst, revisionsPerListingPerDay, minIntervalBetweenBatches, coalescingWindow,
                maxPayloadBytes, 0);
    }

    public ChannelLimits {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requestsPerSecond must be positive");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        if (revisionsPerListingPerDay < 0 || maxPayloadBytes < 0 || quantityCutsBetweenBatches < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }
}
