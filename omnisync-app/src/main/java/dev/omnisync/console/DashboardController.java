package dev.omnisync.console;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.listing.Listing;
import dev.omnisync.listing.ListingFilter;
import dev.omnisync.listing.Listings;
import dev.omnisync.order.ChannelOrders;
import dev.omnisync.sync.Revisions;
import dev.omnisync.sync.SyncDecision;
import dev.omnisync.sync.SyncLog;
import dev.omnisync.sync.SyncLogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: per channel, queue depth and oldest pending change, change→accepted latency (p50/p99 of the
 * recent accepted entries of the sync log), throttling, quarantined listings, and the latest activity.
 */
@Controller
class DashboardController {

    static final int RECENT = 1000;
    private static final int QUARANTINE_SHOWN = 20;

    private final ChannelAccounts accounts;
    private final Revisions revisions;
    private final SyncLog syncLog;
    private final Listings listings;
    private final ChannelOrders orders;

    DashboardController(ChannelAccounts accounts, Revisions revisions, SyncLog syncLog, Listings listings, ChannelOrders orders) {
        this.accounts = accounts;
        this.revisions = revisions;
        this.syncLog = syncLog;
        this.listings = listings;
        this.orders = orders;
    }

    record ChannelHealth(Channel channel, int accounts, long queueDepth, Duration oldestPending, Long p50Millis, Long p99Millis,
            long accepted, long throttled, long failed) {
    }

    /** One point of the latency chart: when a change was accepted and how long it took. */
    record LatencyPoint(long epochSecond, long millis, String channel) {
    }

    @GetMapping("/")
    String dashboard(SignedIn user, Model model) {
        List<ChannelAccount> mine = accounts.all(user.workspace());
        Map<Long, ChannelAccount> byId = mine.stream().collect(Collectors.toMap(ChannelAccount::id, Function.identity()));
        Map<Channel, long[]> queue = new EnumMap<>(Channel.class);
        Map<Channel, Duration> oldest = new EnumMap<>(Channel.class);
        for (Revisions.QueueStats s : revisions.stats()) {
            ChannelAccount account = s.workspaceId() == user.workspace().value() ? byId.get(s.accountId()) : null;
            if (account == null) {
                continue;
            }
            queue.computeIfAbsent(account.channel(), c -> new long[1])[0] += s.depth();
            oldest.merge(account.channel(), s.oldestPending(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        List<SyncLogEntry> recent = syncLog.recent(user.workspace(), new SyncLog.Query(null, null, null, RECENT));
        Map<Channel, List<SyncLogEntry>> byChannel = recent.stream().filter(e -> e.channel() != null)
                .collect(Collectors.groupingBy(SyncLogEntry::channel));
        List<ChannelHealth> health = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            int accountCount = (int) mine.stream().filter(a -> a.channel() == channel).count();
            List<SyncLogEntry> entries = byChannel.getOrDefault(channel, List.of());
            List<Long> latencies = entries.stream().filter(e -> e.decision() == SyncDecision.ACCEPTED && e.latencyMillis() != null)
                    .map(SyncLogEntry::latencyMillis).sorted().toList();
            long throttled = entries.stream().filter(e -> e.decision() == SyncDecision.RETRY
                    && e.channelResponse() != null && e.channelResponse().contains("429")).count();
            long failed = entries.stream().filter(e -> e.decision() == SyncDecision.FAILED).count();
            if (accountCount == 0 && entries.isEmpty()) {
                continue;
            }
            health.add(new ChannelHealth(channel, accountCount, queue.getOrDefault(channel, new long[1])[0], oldest.get(channel),
                    percentile(latencies, 50), percentile(latencies, 99), latencies.size(), throttled, failed));
        }
        List<LatencyPoint> points = recent.stream()
                .filter(e -> e.decision() == SyncDecision.ACCEPTED && e.latencyMillis() != null && e.channel() != null)
                .map(e -> new LatencyPoint(e.at().getEpochSecond(), e.latencyMillis(), e.channel().name())).toList();
        List<Listing> quarantined = listings.search(user.workspace(),
                new ListingFilter(null, null, null, "QUARANTINED", null, null), 0, QUARANTINE_SHOWN + 1);
        model.addAttribute("health", health);
        model.addAttribute("orders", orders.list(user.workspace(), null, null, 5));
        model.addAttribute("recent", recent.stream().limit(15).toList());
        model.addAttribute("quarantined", quarantined.stream().limit(QUARANTINE_SHOWN).toList());
        model.addAttribute("moreQuarantined", quarantined.size() > QUARANTINE_SHOWN);
        List<LatencyPoint> oldestFirst = new ArrayList<>(points);
        java.util.Collections.reverse(oldestFirst);
        model.addAttribute("chartTimes", oldestFirst.stream().map(LatencyPoint::epochSecond).toList());
        // one series per channel, aligned on the points' times (null where another channel's point is)
        List<String> chartChannels = oldestFirst.stream().map(LatencyPoint::channel).distinct().toList();
        List<List<Long>> chartSeries = new ArrayList<>();
        for (String channel : chartChannels) {
            List<Long> values = new ArrayList<>();
            oldestFirst.forEach(p -> values.add(p.channel().equals(channel) ? p.millis() : null));
            chartSeries.add(values);
        }
        model.addAttribute("chartChannels", chartChannels.stream().map(c -> Channel.valueOf(c).displayName()).toList());
        model.addAttribute("chartSeries", chartSeries);
        model.addAttribute("window", RECENT);
        return "console/dashboard";
    }

    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
