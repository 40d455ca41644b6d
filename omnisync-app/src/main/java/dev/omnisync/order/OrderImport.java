package dev.omnisync.order;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.catalog.StockLedger;
import dev.omnisync.catalog.StockMove;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.ChannelConnectors;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelConnector;
import dev.omnisync.channel.spi.ChannelNotification;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ChannelReadFailed;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.OrderCursor;
import dev.omnisync.channel.spi.OrderLine;
import dev.omnisync.channel.spi.OrderPage;
import dev.omnisync.order.persistence.OrderRows;
import dev.omnisync.order.persistence.OrderRows.LineChange;
import dev.omnisync.order.persistence.OrderRows.LineKey;
import dev.omnisync.order.persistence.OrderRows.NewLine;
import dev.omnisync.order.persistence.OrderRows.StoredLine;
import dev.omnisync.sync.ListingSnapshots;
import dev.omnisync.sync.SyncDecision;
import dev.omnisync.sync.SyncLog;
import dev.omnisync.sync.SyncLogEntry;
import dev.omnisync.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports channel orders, whichever way they come (notification, poll, replay), and moves stock exactly once per
 * line and status change. One transaction per page of orders: the orders and lines are stored, the line transitions
 * applied as compare-and-set, the ledger moved (reserve, release, restock), the selling listing's remembered online
 * quantity adjusted (the channel already changed its own) and the moves noted in the sync log — all or nothing.
 * Store orders are placed right after, through {@link StoreOrders}.
 */
@Service
public class OrderImport {

    private static final Logger log = LoggerFactory.getLogger(OrderImport.class);
    private static final int STORE_ORDER_CHUNK = 500;

    private final ChannelAccounts accounts;
    private final ChannelConnectors connectors;
    private final OrderRows rows;
    private final Products products;
    private final StockLedger ledger;
    private final StoreOrders storeOrders;
    private final ListingSnapshots listings;
    private final SyncLog syncLog;
    private final OrderSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();
    /** Notification-triggered reads, one at a time per account; a read that starts after a notification covers it. */
    private final Map<Long, AccountReads> reads = new ConcurrentHashMap<>();
    private volatile Consumer<Long> followUp = accountId -> { };

    OrderImport(ChannelAccounts accounts, ChannelConnectors connectors, OrderRows rows, Products products, StockLedger ledger,
            StoreOrders storeOrders, ListingSnapshots listings, SyncLog syncLog, OrderSettings settings,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.rows = rows;
        this.products = products;
        this.ledger = ledger;
        this.storeOrders = storeOrders;
        this.listings = listings;
        this.syncLog = syncLog;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
    }

    private static final class AccountReads {
        final ReentrantLock lock = new ReentrantLock();
        volatile Instant lastStart;
    }

    /** Who to tell when an account should be polled again soon (the poller registers itself). */
    void onFollowUp(Consumer<Long> followUp) {
        this.followUp = followUp;
    }

    // ------------------------------------------------------------------ polling

    /**
     * Reads every page of orders changed since the account's cursor (minus an overlap) and stores them page by page;
     * the cursor is saved only after the last page is stored, so a failure midway loses nothing.
     */
    public PollOutcome poll(ChannelAccount account) {
        ChannelConnector connector = connectors.find(account.channel()).orElse(null);
        if (connector == null) {
            return new PollOutcome.Failed(ImportSummary.NOTHING, "no connector for " + account.channel(), settings.pollInterval());
        }
        WorkspaceId workspace = account.workspace();
        Instant saved = rows.cursor(workspace, account.id()).orElseGet(() -> connectedSince(account));
        Instant since = saved.minus(settings.pollOverlap());
        OrderCursor cursor = OrderCursor.since(since.isBefore(connectedSince(account)) ? connectedSince(account) : since);
        ImportSummary[] stored = {ImportSummary.NOTHING};
        ImportSummary summary;
        try {
            summary = readWindow(account, connector, cursor, stored, next -> rows.saveCursor(workspace, account.id(), next));
        } catch (ChannelReadFailed e) {
            log.warn("Order poll of account {} ({}) failed midway; the cursor stays at {}: {}", account.id(), account.channel(),
                    saved, e.getMessage());
            return new PollOutcome.Failed(stored[0], e.getMessage(), e.retryAfter());
        }
        placeStoreOrders(account);
        return new PollOutcome.Polled(summary, rows.cursor(workspace, account.id()).orElse(saved));
    }

    /** Reads all pages from the cursor, storing each; hands the final cursor to {@code whenComplete} after the last page is stored. */
    private ImportSummary readWindow(ChannelAccount account, ChannelConnector connector, OrderCursor cursor,
            ImportSummary[] stored, Consumer<Instant> whenComplete) {
        ConnectorAccount target = connectorAccount(account);
        OrderCursor next = cursor;
        for (int pages = 0; pages < 10_000; pages++) {
            OrderPage page = connector.ordersSince(target, next);
            stored[0] = stored[0].plus(store(account, page.orders()));
            next = page.next();
            if (!page.hasMore()) {
                whenComplete.accept(next.changedSince());
                return stored[0];
            }
        }
        throw new ChannelReadFailed("more than 10000 pages of orders in one window", settings.pollInterval());
    }

    // ------------------------------------------------------------------ notifications

    /** Verifies a notification with the channel's own scheme and imports the orders it announces. */
    public NotificationOutcome notified(String channelName, long accountId, Map<String, String> headers, byte[] body) {
        Instant arrived = clock.instant();
        Optional<Channel> channel = Channel.parse(channelName);
        if (channel.isEmpty()) {
            return new NotificationOutcome.Unknown("no channel '" + channelName + "'; known: " + Channel.allNames());
        }
        Optional<ChannelAccount> found = rows.workspaceOfAccount(accountId).flatMap(ws -> accounts.find(ws, accountId))
                .filter(a -> a.channel() == channel.get());
        if (found.isEmpty()) {
            return new NotificationOutcome.Unknown("no " + channel.get() + " account " + accountId);
        }
        ChannelAccount account = found.get();
        Optional<ChannelConnector> connector = connectors.find(account.channel());
        if (connector.isEmpty()) {
            return new NotificationOutcome.Unknown("no connector for " + account.channel() + " yet");
        }
        Optional<ChannelNotification> verified;
        try {
            verified = connector.get().verifyNotification(connectorAccount(account), headers, body);
        } catch (RuntimeException e) {
            verified = Optional.empty(); // an unreadable body is as bad as a bad signature
        }
        if (verified.isEmpty()) {
            log.warn("Refused a {} notification for account {}: signature missing or wrong ({} bytes, nothing stored)",
                    account.channel(), accountId, body.length);
            return new NotificationOutcome.Refused("the " + account.channel() + " signature is missing or does not match");
        }
        ChannelNotification notification = verified.get();
        AccountReads state = reads.computeIfAbsent(accountId, id -> new AccountReads());
        state.lock.lock();
        try {
            if (state.lastStart != null && state.lastStart.isAfter(arrived)) {
                // a read that started after this notification arrived has completed: it saw the order
                return new NotificationOutcome.Imported(notification.topic(), notification.channelOrderId(), ImportSummary.NOTHING);
            }
            Instant start = clock.instant();
            Instant since = state.lastStart == null ? start.minus(settings.webhookLookback())
                    : state.lastStart.minus(settings.webhookOverlap());
            Instant connected = connectedSince(account);
            if (since.isBefore(connected)) {
                since = connected;
            }
            ImportSummary summary = readWindow(account, connector.get(), OrderCursor.since(since),
                    new ImportSummary[] {ImportSummary.NOTHING}, end -> { });
            state.lastStart = start;
            placeStoreOrders(account);
            if (notification.channelOrderId() != null && summary.orders() == 0) {
                followUp.accept(accountId); // the channel has not published the order yet: poll again soon
            }
            return new NotificationOutcome.Imported(notification.topic(), notification.channelOrderId(), summary);
        } catch (ChannelReadFailed e) {
            followUp.accept(accountId);
            return new NotificationOutcome.Unavailable(e.getMessage(), e.retryAfter());
        } finally {
            state.lock.unlock();
        }
    }

    // ------------------------------------------------------------------ storing

    /** Stores one page of orders in one transaction; see the class comment. */
    public ImportSummary store(ChannelAccount account, List<ChannelOrder> orders) {
        if (orders.isEmpty()) {
            return ImportSummary.NOTHING;
        }
        return tx.execute(status -> storeInTransaction(account, orders));
    }

    private ImportSummary storeInTransaction(ChannelAccount account, List<ChannelOrder> orders) {
        WorkspaceId workspace = account.workspace();
        long accountId = account.id();
        Map<String, ChannelOrder> latest = new TreeMap<>();
        for (ChannelOrder o : orders) {
            latest.merge(o.channelOrderId(), o, (a, b) -> changed(b).isAfter(changed(a)) ? b : a);
        }
        Map<String, Long> orderIds = rows.upsertOrders(workspace, accountId, account.channel(), List.copyOf(latest.values()));
        Map<LineKey, StoredLine> stored = rows.lockLines(workspace, accountId, orderIds.keySet());
        Set<String> skus = new HashSet<>();
        latest.values().forEach(o -> o.lines().forEach(l -> {
            if (l.sku() != null) {
                skus.add(l.sku());
            }
        }));
        Set<String> known = products.findAll(workspace, skus).keySet();

        Map<LineKey, NewLine> fresh = new LinkedHashMap<>();
        Map<LineKey, LineTransition> freshTransitions = new LinkedHashMap<>();
        List<LineChange> changes = new ArrayList<>();
        Map<LineKey, LineTransition> changeTransitions = new LinkedHashMap<>();
        for (ChannelOrder order : latest.values()) {
            long orderId = orderIds.get(order.channelOrderId());
            for (OrderLine line : order.lines()) {
                String lineId = line.lineId() == null ? line.sku() : line.lineId();
                LineKey key = new LineKey(order.channelOrderId(), String.valueOf(lineId));
                ChannelOrder.OrderState reported = line.cancelled() ? ChannelOrder.OrderState.CANCELLED : order.state();
                StoredLine before = stored.get(key);
                if (before != null) {
                    LineTransition.next(before.status(), LineStock.valueOf(before.stock()), reported, before.quantity())
                            .ifPresent(t -> {
                                changes.add(new LineChange(key, before.status(), before.stock(), t.status(), t.stock().name()));
                                changeTransitions.put(key, t);
                            });
                } else if (!fresh.containsKey(key)) {
                    boolean stockable = line.sku() != null && known.contains(line.sku()) && line.quantity() > 0;
                    LineTransition t = LineTransition.first(reported, Math.max(0, line.quantity()), stockable,
                            account.createStoreOrders());
                    fresh.put(key, new NewLine(key, orderId, line.sku(), line.quantity(), line.unitPrice(), t.status(),
                            t.stock().name(), orderRef(account, key)));
                    freshTransitions.put(key, t);
                }
            }
        }
        Set<LineKey> inserted = rows.insertLines(workspace, accountId, List.copyOf(fresh.values()));
        Set<LineKey> moved = rows.compareAndSet(workspace, accountId, changes);

        List<StockMove> reserve = new ArrayList<>();
        List<String> release = new ArrayList<>();
        List<String> sell = new ArrayList<>();
        Map<Long, List<StockMove>> cancelByOrder = new TreeMap<>();
        Map<String, Integer> channelDelta = new TreeMap<>();
        List<String[]> notes = new ArrayList<>(); // sku, text
        for (LineKey key : inserted) {
            NewLine line = fresh.get(key);
            LineTransition t = freshTransitions.get(key);
            if (t.effect() == LineTransition.Effect.RESERVE) {
                reserve.add(new StockMove(line.sku(), line.quantity(), line.orderRef()));
            }
            if (line.sku() != null && t.channelQuantityDelta() != 0) {
                channelDelta.merge(line.sku(), t.channelQuantityDelta(), Integer::sum);
            }
        }
        for (LineKey key : moved) {
            StoredLine line = stored.get(key);
            LineTransition t = changeTransitions.get(key);
            switch (t.effect()) {
                case RELEASE -> release.add(line.orderRef());
                case COMMIT_SALE -> sell.add(line.orderRef());
                case CANCEL_STORE_ORDER -> cancelByOrder.computeIfAbsent(line.orderId(), id -> new ArrayList<>())
                        .add(new StockMove(line.sku(), line.quantity(), line.orderRef()));
                default -> { }
            }
            if (line.sku() != null && t.channelQuantityDelta() != 0) {
                channelDelta.merge(line.sku(), t.channelQuantityDelta(), Integer::sum);
            }
        }
        for (StockMove m : ledger.release(workspace, release)) {
            notes.add(new String[] {m.sku(), describe(account, m.orderRef()) + " cancelled before shipment: releases " + m.quantity()});
        }
        for (StockMove m : ledger.commitSale(workspace, sell)) {
            notes.add(new String[] {m.sku(), describe(account, m.orderRef()) + " shipped before a store order: on hand drops by "
                    + m.quantity() + " and its reservation is released"});
        }
        if (!cancelByOrder.isEmpty()) {
            List<StoreOrders.Request> requests = new ArrayList<>();
            cancelByOrder.forEach((id, lines) -> requests.add(new StoreOrders.Request(id, lines)));
            storeOrders.cancel(workspace, requests);
            cancelByOrder.values().forEach(lines -> lines.forEach(m -> notes.add(new String[] {m.sku(),
                    describe(account, m.orderRef()) + " cancelled before shipment: store order cancelled, restocks " + m.quantity()})));
        }
        // reservations after releases and restocks: every ledger call locks its ledger rows before the products
        for (StockMove m : ledger.reserve(workspace, reserve)) {
            notes.add(new String[] {m.sku(), describe(account, m.orderRef()) + " reserves " + m.quantity()});
        }
        listings.adjustOnlineQuantity(workspace.value(), accountId, channelDelta);
        note(account, notes);
        return new ImportSummary(latest.size(), inserted.size(), moved.size());
    }

    /** Places store orders for the account's reserved lines (chunk by chunk); answers the lines sold. */
    public int placeStoreOrders(ChannelAccount account) {
        if (!account.createStoreOrders()) {
            return 0;
        }
        int total = 0;
        while (true) {
            Integer placed = tx.execute(status -> placeChunk(account));
            total += placed == null ? 0 : placed;
            if (placed == null || placed < STORE_ORDER_CHUNK) {
                return total;
            }
        }
    }

    private int placeChunk(ChannelAccount account) {
        WorkspaceId workspace = account.workspace();
        List<StoredLine> reserved = rows.lockReserved(workspace, account.id(), STORE_ORDER_CHUNK);
        if (reserved.isEmpty()) {
            return 0;
        }
        Map<Long, List<StockMove>> byOrder = new TreeMap<>();
        reserved.forEach(l -> byOrder.computeIfAbsent(l.orderId(), id -> new ArrayList<>())
                .add(new StockMove(l.sku(), l.quantity(), l.orderRef())));
        List<StoreOrders.Request> requests = new ArrayList<>();
        byOrder.forEach((id, lines) -> requests.add(new StoreOrders.Request(id, lines)));
        Map<Long, String> refs = storeOrders.place(workspace, requests);
        rows.compareAndSet(workspace, account.id(), reserved.stream().map(l -> new LineChange(l.key(), l.status(), l.stock(),
                l.status(), LineStock.SOLD.name())).toList());
        List<String[]> notes = new ArrayList<>();
        reserved.forEach(l -> notes.add(new String[] {l.sku(), describe(account, l.orderRef()) + ": store order "
                + refs.getOrDefault(l.orderId(), "?") + " placed, on hand drops by " + l.quantity() + " and its reservation is released"}));
        note(account, notes);
        return reserved.size();
    }

    private void note(ChannelAccount account, List<String[]> notes) {
        if (notes.isEmpty()) {
            return;
        }
        Map<String, Product> now = products.findAll(account.workspace(), notes.stream().map(n -> n[0]).distinct().toList());
        Instant at = clock.instant();
        List<SyncLogEntry> entries = new ArrayList<>(notes.size());
        for (String[] n : notes) {
            Product p = now.get(n[0]);
            entries.add(new SyncLogEntry(account.workspace().value(), null, account.id(), account.channel(), n[0], SyncDecision.NOTE,
                    Set.of(FieldKey.QUANTITY), List.of(n[1]), p == null ? null : StockLedger.arithmetic(p), null, null, at));
        }
        syncLog.record(entries);
    }

    private ConnectorAccount connectorAccount(ChannelAccount account) {
        if (account.baseUrl() == null) {
            throw new ChannelReadFailed("account " + account.id() + " has no base URL", settings.pollInterval());
        }
        return accounts.connectorAccountOf(account);
    }

    /** The earliest order change that counts for the account: when it was connected, minus the initial lookback. */
    private Instant connectedSince(ChannelAccount account) {
        return (account.createdAt() == null ? clock.instant() : account.createdAt()).minus(settings.initialLookback());
    }

    /** The ledger reference of a line: readable, unique per (account, channel order, line). */
    static String orderRef(ChannelAccount account, LineKey key) {
        return account.channel().slug() + ":" + account.id() + ":" + key.channelOrderId() + ":" + key.lineId();
    }

    private static String describe(ChannelAccount account, String orderRef) {
        String[] parts = orderRef.split(":", 4);
        return parts.length == 4 ? account.channel() + " order " + parts[2] + " line " + parts[3] + " (account " + parts[1] + ")"
                : orderRef;
    }

    private static Instant changed(ChannelOrder o) {
        return o.changedAt() == null ? Instant.EPOCH : o.changedAt();
    }

    /** For tests and the poller: how long until the account's next poll after a failure. */
    static Duration retryAfter(PollOutcome outcome, Duration normal) {
        if (outcome instanceof PollOutcome.Failed failed && failed.retryAfter() != null && !failed.retryAfter().isZero()) {
            return failed.retryAfter().compareTo(normal) < 0 ? failed.retryAfter() : normal;
        }
        return normal;
    }
}
