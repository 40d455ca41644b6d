package dev.omnisync.sync;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.ChannelConnectors;
import dev.omnisync.channel.ChannelLimits;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelConnector;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.PushOutcome;
import dev.omnisync.channel.spi.PushResult;
import dev.omnisync.workspace.WorkspaceId;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due revisions, one worker per channel account at a time so that one slow or failing account never
 * delays another. A worker waits out the coalescing window (a burst shares one batch), claims the most
 * urgent revisions under a lease, computes the values at send time (the newest store data leaves, never an
 * older one), packs them into the channel's largest batch within the account's rate budget and records
 * every item's outcome. Nothing is lost on a crash: unexpired leases lapse and the revisions are sent again.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration LONG_WAIT = Duration.ofSeconds(2);
    private static final int QUANTITY_PRIORITY = 1;
    private static final int CONTENT_PRIORITY = 3;
    /** TikTok Shop and Temu take one product per call; claim enough to fill calls with whole products. */
    private static final int PER_PRODUCT_CLAIM = 50;

    private final Revisions revisions;
    private final ListingSnapshots listings;
    private final Planner planner;
    private final Products products;
    private final ChannelAccounts accounts;
    private final ChannelConnectors connectors;
    private final ChannelSettings channelSettings;
    private final SyncLog syncLog;
    private final SyncMetrics metrics;
    private final SyncSettings settings;
    private final PendingJobs pendingJobs;
    private final RevisionBudgets budgets;
    private final String owner = "dispatcher-" + UUID.randomUUID();
    private final Map<Long, RateBudget> rateBudgets = new ConcurrentHashMap<>();
    private final Set<Revisions.DueAccount> busy = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;

    Dispatcher(Revisions revisions, ListingSnapshots listings, Planner planner, Products products, ChannelAccounts accounts,
            ChannelConnectors connectors, ChannelSettings channelSettings, SyncLog syncLog, SyncMetrics metrics,
            SyncSettings settings, PendingJobs pendingJobs, RevisionBudgets budgets) {
        this.revisions = revisions;
        this.listings = listings;
        this.planner = planner;
        this.products = products;
        this.accounts = accounts;
        this.connectors = connectors;
        this.channelSettings = channelSettings;
        this.syncLog = syncLog;
        this.metrics = metrics;
        this.settings = settings;
        this.pendingJobs = pendingJobs;
        this.budgets = budgets;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.dispatchThreads(), r -> {
            Thread t = new Thread(r, "dispatch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a worker for every account with due work that has none running. */
    public void dispatchDueAccounts() {
        for (Revisions.DueAccount due : revisions.accountsWithDueWork(500)) {
            if (busy.add(due)) {
                workers.execute(() -> {
                    try {
                        drain(due);
                    } catch (RuntimeException e) {
                        log.error("Dispatch for account {} failed; its revisions stay queued", due.accountId(), e);
                    } finally {
                        busy.remove(due);
                    }
                });
            }
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** Sends the account's due work until none is left (or the rate budget asks to wait). */
    void drain(Revisions.DueAccount due) {
        WorkspaceId workspace = new WorkspaceId(due.workspaceId());
        Optional<ChannelAccount> found = accounts.find(workspace, due.accountId());
        if (found.isEmpty()) {
            return;
        }
        ChannelAccount account = found.get();
        Optional<ChannelConnector> available = connectors.find(account.channel());
        if (available.isEmpty()) {
            return; // no connector for this channel in this build: its revisions wait
        }
        ChannelConnector connector = available.get();
        ChannelLimits limits = channelSettings.limitsOf(account.channel());
        RateBudget budget = rateBudgets.computeIfAbsent(account.id(),
                id -> new RateBudget(limits.requestsPerSecond(), limits.burst(), limits.minIntervalBetweenBatches()));
        coalesce(due, limits.coalescingWindow());
        ConnectorAccount connectorAccount = accounts.connectorAccountOf(account);
        int claimSize = limits.batchSize() == 1 ? PER_PRODUCT_CLAIM : limits.batchSize();
        while (!Thread.currentThread().isInterrupted()) {
            Duration wait = budget.waitForRate();
            if (wait.compareTo(LONG_WAIT) > 0) {
                return; // let the scheduler come back; other accounts keep their workers
            }
            sleep(wait);
            Duration bulkWait = budget.waitForBulkSlot();
            boolean cutsOnly = false;
            if (!bulkWait.isZero()) {
                if (limits.quantityCutsBetweenBatches() > 0) {
                    cutsOnly = true; // bulk submissions wait their turn; quantity cuts take the single-item path now
                } else if (bulkWait.compareTo(LONG_WAIT) > 0) {
                    return;
                } else {
                    sleep(bulkWait);
                }
            }
            List<Revision> claimed = cutsOnly
                    ? revisions.claim(due.workspaceId(), due.accountId(), limits.quantityCutsBetweenBatches(), owner,
                            settings.lease(), QUANTITY_PRIORITY)
                    : revisions.claim(due.workspaceId(), due.accountId(), claimSize, owner, settings.lease(), CONTENT_PRIORITY);
            if (claimed.isEmpty()) {
                return;
            }
            send(account, connector, connectorAccount, budget, claimed, cutsOnly ? bulkWait : null);
        }
    }

    /**
     * @param bulkWait when set, only quantity cuts may go now (single-item path); other work is postponed until the
     *                 channel's next bulk submission slot
     */
    private void send(ChannelAccount account, ChannelConnector connector, ConnectorAccount connectorAccount, RateBudget budget,
            List<Revision> claimed, Duration bulkWait) {
        long ws = account.workspace().value();
        Map<Long, Revision> byListing = claimed.stream().collect(Collectors.toMap(Revision::listingId, r -> r));
        List<ListingSnapshot> snapshots = listings.byIds(ws, byListing.keySet());
        Map<Long, ListingPlan> plans = planner.preview(ws, snapshots).stream()
                .collect(Collectors.toMap(p -> p.listing().listingId(), p -> p));
        Map<String, Product> productsBySku = products.findAll(account.workspace(),
                snapshots.stream().map(ListingSnapshot::sku).collect(Collectors.toSet()));
        ChannelLimits limits = channelSettings.limitsOf(account.channel());
        Map<Long, Integer> usedToday = budgets.usedToday(ws, byListing.keySet(), limits);
        Instant now = Instant.now();
        List<SyncLogEntry> entries = new ArrayList<>();
        List<ItemUpdate> updates = new ArrayList<>();
        Map<Long, Map<FieldKey, String>> sentFingerprints = new HashMap<>();
        for (Revision revision : claimed) {
            ListingPlan plan = plans.get(revision.listingId());
            if (plan == null || plan.listing().quarantined()) {
                revisions.drop(ws, revision.listingId()); // unlinked or quarantined meanwhile
                continue;
            }
            Set<FieldKey> fields = budgets.allowed(plan.dirty(), usedToday.getOrDefault(revision.listingId(), 0), limits);
            if (fields.isEmpty()) {
                if (plan.dirty().isEmpty()) {
                    revisions.complete(ws, revision.listingId(), revision.generation());
                } else {
                    revisions.retryLater(ws, revision.listingId(), revision.generation(), budgets.untilReset());
                    entries.add(entry(account, plan.listing(), SyncDecision.RETRY, plan.dirty(),
                            List.of("eBay's daily revision budget for this listing is spent; quantity cuts keep the last ones"),
                            null, null, null, now));
                }
                continue;
            }
            Product product = productsBySku.get(plan.listing().sku());
            Map<FieldKey, String> fingerprints = new EnumMap<>(FieldKey.class);
            fields.forEach(f -> fingerprints.put(f, plan.field(f).desired().fingerprint()));
            sentFingerprints.put(revision.listingId(), fingerprints);
            FieldPlan quantity = plan.field(FieldKey.QUANTITY);
            Integer onlineQuantity = quantity == null || quantity.online() == null ? null : parseInt(quantity.online());
            ItemUpdate update = new ItemUpdate(revision.listingId(), product.sku(), plan.listing().channelRef(),
                    product.parentSku() == null ? product.sku() : product.parentSku(), fields,
                    OfferValuesFactory.of(plan, product, account.currency()), onlineQuantity);
            if (bulkWait != null && !update.isQuantityCut()) {
                revisions.postpone(ws, revision.listingId(), bulkWait);
                sentFingerprints.remove(revision.listingId());
                continue;
            }
            updates.add(update);
            entries.add(entry(account, plan.listing(), SyncDecision.SENT, fields, List.of("dirty since " + revision.firstChangedAt()),
                    Planner.arithmetic(plan, fields), null, null, now));
        }
        syncLog.record(entries);
        if (updates.isEmpty()) {
            return;
        }
        PushResult result;
        long started = System.nanoTime();
        try {
            result = connector.push(connectorAccount, updates);
        } catch (RuntimeException e) {
            // A connector bug must not lose work: everything goes back to the queue with a back-off.
            log.error("Connector {} failed on a push of {} items", account.channel(), updates.size(), e);
            for (ItemUpdate u : updates) {
                Revision r = byListing.get(u.listingId());
                revisions.retryLater(ws, u.listingId(), r.generation(), backoff(r.attempts(), Duration.ZERO));
            }
            budget.spent(1, bulkWait == null);
            return;
        }
        budget.spent(Math.max(1, result.calls()), bulkWait == null);
        metrics.pushed(account.channel(), result.calls(), updates.size(), System.nanoTime() - started);
        budgets.charge(account.channel(), ws, updates.stream().map(ItemUpdate::listingId).toList());
        handle(account, byListing, plans, sentFingerprints, result.outcomes(), budget);
    }

    /** Applies outcomes of a push or of a polled asynchronous job. */
    void handle(ChannelAccount account, Map<Long, Revision> byListing, Map<Long, ListingPlan> plans,
            Map<Long, Map<FieldKey, String>> sentFingerprints, List<PushOutcome> outcomes, RateBudget budget) {
        long ws = account.workspace().value();
        Instant now = Instant.now();
        List<SyncLogEntry> entries = new ArrayList<>();
        Map<Object, List<PushOutcome.Pending>> pendingByJob = new HashMap<>();
        Map<Long, Map<FieldKey, String>> acceptedFingerprints = new HashMap<>();
        Map<Long, Long> completed = new HashMap<>();
        for (PushOutcome outcome : outcomes) {
            Revision revision = byListing.get(outcome.listingId());
            ListingSnapshot listing = plans.get(outcome.listingId()).listing();
            if (outcome instanceof PushOutcome.Accepted accepted) {
                Map<FieldKey, String> fingerprints = new EnumMap<>(FieldKey.class);
                sentFingerprints.getOrDefault(outcome.listingId(), Map.of()).forEach((f, v) -> {
                    if (accepted.fields().contains(f)) {
                        fingerprints.put(f, v);
                    }
                });
                acceptedFingerprints.put(outcome.listingId(), fingerprints);
                completed.put(outcome.listingId(), revision.generation());
                long latency = Duration.between(revision.firstChangedAt(), now).toMillis();
                metrics.accepted(account.channel(), Duration.ofMillis(latency));
                entries.add(entry(account, listing, SyncDecision.ACCEPTED, accepted.fields(), List.of("the channel accepted the values"),
                        Planner.arithmetic(plans.get(outcome.listingId()), accepted.fields()), "accepted", latency, now));
            } else if (outcome instanceof PushOutcome.Rejected rejected) {
                String message = (rejected.code() == null ? "" : rejected.code() + ": ") + rejected.channelMessage();
                listings.quarantine(ws, outcome.listingId(), message);
                revisions.drop(ws, outcome.listingId());
                metrics.quarantined(account.channel());
                entries.add(entry(account, listing, SyncDecision.FAILED, revision.fields(),
                        List.of("the channel refused the item; the listing is quarantined until its data changes or a person retries"),
                        null, message, null, now));
            } else if (outcome instanceof PushOutcome.RetryLater retry) {
                boolean throttled = retry.reason() != null && retry.reason().contains("429");
                if (throttled) {
                    budget.pause(retry.delay());
                    metrics.throttled(account.channel());
                }
                Duration delay = backoff(revision.attempts(), retry.delay());
                revisions.retryLater(ws, outcome.listingId(), revision.generation(), delay);
                entries.add(entry(account, listing, SyncDecision.RETRY, revision.fields(),
                        List.of("the channel asked to try again later; next attempt in " + delay.toMillis() + " ms"),
                        null, retry.reason(), null, now));
            } else if (outcome instanceof PushOutcome.Pending pending) {
                pendingByJob.computeIfAbsent(pending.job(), j -> new ArrayList<>()).add(pending);
            }
        }
        listings.accepted(ws, acceptedFingerprints);
        revisions.completeAll(ws, completed);
        pendingByJob.forEach((job, items) -> {
            PushOutcome.Pending first = items.get(0);
            pendingJobs.track(account, first.job(), byListing, sentFingerprints);
            for (PushOutcome.Pending p : items) {
                revisions.park(ws, p.listingId(), Duration.ofHours(2));
            }
        });
        syncLog.record(entries);
    }

    /** Reads the results of asynchronous submissions that are due for a poll. */
    public void pollAsyncResults() {
        for (PendingJobs.Tracked tracked : pendingJobs.claimDue(20)) {
            WorkspaceId workspace = new WorkspaceId(tracked.workspaceId());
            Optional<ChannelAccount> found = accounts.find(workspace, tracked.accountId());
            if (found.isEmpty()) {
                pendingJobs.remaining(tracked, List.of(), Duration.ZERO);
                continue;
            }
            ChannelAccount account = found.get();
            ChannelLimits limits = channelSettings.limitsOf(account.channel());
            RateBudget budget = rateBudgets.computeIfAbsent(account.id(),
                    id -> new RateBudget(limits.requestsPerSecond(), limits.burst(), limits.minIntervalBetweenBatches()));
            List<PushOutcome> outcomes;
            try {
                outcomes = connectors.of(account.channel()).poll(accounts.connectorAccountOf(account), tracked.job());
            } catch (RuntimeException e) {
                log.warn("Polling {} job {} failed; polling again later", account.channel(), tracked.jobId(), e);
                pendingJobs.remaining(tracked, tracked.items(), Duration.ofSeconds(30));
                continue;
            }
            Map<Long, Revision> byListing = new HashMap<>();
            Map<Long, Map<FieldKey, String>> sent = new HashMap<>();
            for (PendingJobs.TrackedItem item : tracked.items()) {
                byListing.put(item.listingId(), new Revision(tracked.workspaceId(), item.listingId(), account.id(), item.fields(), 1,
                        item.firstChangedAt(), item.firstChangedAt(), item.generation(), item.attempts()));
                sent.put(item.listingId(), item.fingerprints());
            }
            Map<Long, ListingPlan> plans = listings.byIds(tracked.workspaceId(), byListing.keySet()).stream()
                    .collect(Collectors.toMap(ListingSnapshot::listingId, l -> new ListingPlan(l, List.of())));
            List<PushOutcome> finished = outcomes.stream()
                    .filter(o -> !(o instanceof PushOutcome.Pending) && plans.containsKey(o.listingId())).toList();
            Set<Long> stillPending = outcomes.stream().filter(o -> o instanceof PushOutcome.Pending)
                    .map(PushOutcome::listingId).collect(Collectors.toSet());
            handle(account, byListing, plans, sent, finished, budget);
            pendingJobs.remaining(tracked, tracked.items().stream().filter(i -> stillPending.contains(i.listingId())).toList(),
                    tracked.job().pollAfter().isZero() ? Duration.ofSeconds(1) : tracked.job().pollAfter());
        }
    }

    private Duration backoff(int attempts, Duration advised) {
        long base = Math.min(settings.maxBackoff().toMillis(), 500L << Math.min(attempts, 20));
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, base / 4));
        return Duration.ofMillis(Math.max(advised.toMillis(), base + jitter));
    }

    private void coalesce(Revisions.DueAccount due, Duration window) {
        Duration age = revisions.oldestDueAge(due.workspaceId(), due.accountId());
        if (age != null && age.compareTo(window) < 0) {
            sleep(window.minus(age));
        }
    }


    private static SyncLogEntry entry(ChannelAccount account, ListingSnapshot l, SyncDecision decision, Set<FieldKey> fields,
            List<String> reasons, String arithmetic, String response, Long latency, Instant at) {
        return new SyncLogEntry(account.workspace().value(), l.listingId(), account.id(), account.channel(), l.sku(), decision,
                fields, reasons, arithmetic, response, latency, at);
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
