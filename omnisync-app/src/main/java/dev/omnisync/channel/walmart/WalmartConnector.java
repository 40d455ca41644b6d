package dev.omnisync.channel.walmart;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelLimits;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelConnector;
import dev.omnisync.channel.spi.ChannelNotification;
import dev.omnisync.channel.spi.ChannelOffer;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ChannelReadFailed;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.MissingCredential;
import dev.omnisync.channel.spi.OfferPage;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.spi.OrderCursor;
import dev.omnisync.channel.spi.OrderLine;
import dev.omnisync.channel.spi.OrderPage;
import dev.omnisync.channel.spi.PendingJob;
import dev.omnisync.channel.spi.PushOutcome;
import dev.omnisync.channel.spi.PushResult;
import dev.omnisync.channel.wire.Batches;
import dev.omnisync.channel.wire.ChannelReads;
import dev.omnisync.channel.wire.CredentialsRefused;
import dev.omnisync.channel.wire.MultipartBody;
import dev.omnisync.channel.wire.OutcomeTally;
import dev.omnisync.channel.wire.Query;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireFailure;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Walmart: bulk work goes into feeds — quantities into an inventory feed, prices into a price feed, title,
 * description and images into an MP_MAINTENANCE item feed — and comes back Pending until {@link #poll} reads each
 * feed's per-item ingestion status. Small sets of urgent quantity cuts (at most
 * {@link WalmartSettings#singleUpdateMax()}) skip the feed queue through single {@code PUT /v3/inventory} calls.
 */
@Component
public class WalmartConnector implements ChannelConnector {

    static final String INVENTORY_FEED = "inventory";
    static final String PRICE_FEED = "price";
    static final String MAINTENANCE_FEED = "MP_MAINTENANCE";
    private static final Set<FieldKey> CONTENT = EnumSet.of(FieldKey.TITLE, FieldKey.DESCRIPTION, FieldKey.IMAGES);

    private final ChannelSettings channelSettings;
    private final WalmartSettings settings;
    private final WalmartClient client;
    private final WalmartErrors errors;
    private final Clock clock;

    @Autowired
    public WalmartConnector(ChannelSettings channelSettings, WalmartSettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public WalmartConnector(ChannelSettings channelSettings, WalmartSettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.clock = clock;
        this.client = new WalmartClient(settings, clock);
        this.errors = new WalmartErrors(settings, clock);
    }

    @Override
    public Channel channel() {
        return Channel.WALMART;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.WALMART);
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        WalmartClient.Session session = client.session(account);
        OutcomeTally tally = new OutcomeTally(updates);
        List<ItemUpdate> urgent = updates.stream().filter(ItemUpdate::isQuantityCut).toList();
        boolean single = !urgent.isEmpty() && urgent.size() <= settings.singleUpdateMax();
        List<ItemUpdate> feedItems = new ArrayList<>();
        for (ItemUpdate u : updates) {
            if (!(single && u.isQuantityCut())) {
                feedItems.add(u);
            }
        }
        try {
            if (single) {
                urgent.forEach(u -> putInventory(session, u, tally));
            }
            submitFeeds(session, feedItems, tally);
        } catch (CredentialsRefused | MissingCredential e) {
            updates.forEach(u -> tally.retryLater(u.listingId(), settings.transport().maxBackoff(), e.getMessage()));
        }
        return new PushResult(tally.outcomes(), session.calls());
    }

    private void putInventory(WalmartClient.Session session, ItemUpdate u, OutcomeTally tally) {
        try {
            WireResponse r = session.send(HttpMethod.PUT, "/v3/inventory" + Query.of().add("sku", u.sku()),
                    new WalmartPayloads.Inventory(u.sku(), WalmartPayloads.Quantity.each(u.values().quantity())));
            Verdict v = errors.classify(session.account().accountId(), r);
            tally.record(u.listingId(), Set.of(FieldKey.QUANTITY), v instanceof Verdict.AuthExpired a
                    ? new Verdict.Retryable(settings.transport().maxBackoff(), a.message()) : v);
        } catch (WireFailure e) {
            tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage());
        }
    }

    private void submitFeeds(WalmartClient.Session session, List<ItemUpdate> items, OutcomeTally tally) {
        List<ItemUpdate> quantities = items.stream().filter(u -> u.sends(FieldKey.QUANTITY) && u.values().quantity() != null).toList();
        List<ItemUpdate> prices = items.stream().filter(u -> u.sends(FieldKey.PRICE) && u.values().price() != null).toList();
        List<ItemUpdate> content = items.stream().filter(u -> u.fields().stream().anyMatch(CONTENT::contains)).toList();
        String currency = session.account().currency() == null ? "USD" : session.account().currency();
        List<PendingJob.Submission> submissions = new ArrayList<>();
        int size = limits().batchSize();
        for (List<ItemUpdate> part : Batches.of(quantities, size)) {
            submit(session, INVENTORY_FEED, Set.of(FieldKey.QUANTITY), part, WireJson.write(inventoryFeed(part)), tally, submissions);
        }
        for (List<ItemUpdate> part : Batches.of(prices, size)) {
            submit(session, PRICE_FEED, Set.of(FieldKey.PRICE), part, WireJson.write(priceFeed(part, currency)), tally, submissions);
        }
        for (List<ItemUpdate> part : Batches.of(content, size)) {
            submit(session, MAINTENANCE_FEED, CONTENT, part, WireJson.write(maintenanceFeed(part)), tally, submissions);
        }
        List<ItemUpdate> inJobs = items.stream().filter(u -> submissions.stream().anyMatch(s -> s.skus().contains(u.sku()))
                && !tally.hasFailed(u.listingId())).toList();
        if (!inJobs.isEmpty()) {
            PendingJob job = new PendingJob(submissions, inJobs.stream()
                    .map(u -> new PendingJob.Item(u.listingId(), u.sku(), u.fields())).toList(), clock.instant(), settings.feedPollAfter());
            inJobs.forEach(u -> tally.pending(u.listingId(), job));
        }
        for (ItemUpdate u : items) {
            if (!inJobs.contains(u) && !tally.hasFailed(u.listingId())) {
                tally.accepted(u.listingId(), Set.of());
            }
        }
    }

    private void submit(WalmartClient.Session session, String feedType, Set<FieldKey> fields, List<ItemUpdate> part, byte[] json,
            OutcomeTally tally, List<PendingJob.Submission> submissions) {
        MultipartBody multipart = MultipartBody.of(List.of(), "feed.json", "application/json", json);
        try {
            WireResponse r = session.send(HttpMethod.POST, "/v3/feeds" + Query.of().add("feedType", feedType), multipart.body(),
                    multipart.contentType());
            Verdict v = errors.classify(session.account().accountId(), r);
            String feedId = WireJson.text(WireJson.tree(r.body()), "feedId");
            if (v instanceof Verdict.Ok && feedId != null) {
                submissions.add(new PendingJob.Submission(feedType, feedId, fields, part.stream().map(ItemUpdate::sku).toList()));
                return;
            }
            Verdict verdict = v instanceof Verdict.Ok ? new Verdict.Retryable(settings.transport().maxBackoff(), "Walmart answered no feedId")
                    : v.authExpiredAsRetryable(settings.transport().maxBackoff());
            part.forEach(u -> tally.record(u.listingId(), fields, verdict));
        } catch (WireFailure e) {
            part.forEach(u -> tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
        }
    }

    WalmartPayloads.InventoryFeed inventoryFeed(List<ItemUpdate> items) {
        return new WalmartPayloads.InventoryFeed(new WalmartPayloads.Header(settings.inventoryFeedVersion()), items.stream()
                .map(u -> new WalmartPayloads.Inventory(u.sku(), WalmartPayloads.Quantity.each(u.values().quantity()))).toList());
    }

    WalmartPayloads.PriceFeed priceFeed(List<ItemUpdate> items, String accountCurrency) {
        return new WalmartPayloads.PriceFeed(new WalmartPayloads.Header(settings.priceFeedVersion()), items.stream()
                .map(u -> new WalmartPayloads.Price(u.sku(), List.of(new WalmartPayloads.Pricing("BASE", new WalmartPayloads.Money(
                        u.values().currency() != null ? u.values().currency() : accountCurrency,
                        u.values().price().setScale(2, RoundingMode.HALF_UP)))))).toList());
    }

    WalmartPayloads.MaintenanceFeed maintenanceFeed(List<ItemUpdate> items) {
        List<WalmartPayloads.MaintenanceItem> out = new ArrayList<>();
        for (ItemUpdate u : items) {
            OfferValues v = u.values();
            String title = u.sends(FieldKey.TITLE) ? v.title() : null;
            String description = u.sends(FieldKey.DESCRIPTION) ? v.description() : null;
            String main = u.sends(FieldKey.IMAGES) && !v.images().isEmpty() ? v.images().get(0) : null;
            List<String> secondary = u.sends(FieldKey.IMAGES) && v.images().size() > 1 ? v.images().subList(1, v.images().size()) : null;
            String category = v.category() != null && !v.category().isBlank() ? v.category() : settings.category();
            out.add(new WalmartPayloads.MaintenanceItem(new WalmartPayloads.Orderable(u.sku(), title),
                    description == null && main == null ? null : Map.of(category, new WalmartPayloads.Visible(description, main, secondary))));
        }
        return new WalmartPayloads.MaintenanceFeed(new WalmartPayloads.MaintenanceHeader("mpmaintenance", "REPLACE", "EXTERNAL", "en",
                settings.maintenanceFeedVersion(), settings.subCategory()), out);
    }

    /**
     * Reads each feed of the job: RECEIVED/INPROGRESS → the job stays Pending; ERROR → every item of that feed is
     * rejected with the feed's errors; PROCESSED → per item SUCCESS, DATA_ERROR (rejected) or SYSTEM/TIMEOUT_ERROR
     * (retry later). An item is accepted once every feed carrying it says SUCCESS.
     */
    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        WalmartClient.Session session = client.session(account);
        Map<String, Verdict> worst = new HashMap<>();
        try {
            for (PendingJob.Submission s : job.submissions()) {
                Map<String, Verdict> ofFeed = readFeed(session, s);
                if (ofFeed == null) {
                    return job.items().stream().<PushOutcome>map(i -> new PushOutcome.Pending(i.listingId(), job)).toList();
                }
                ofFeed.forEach((sku, v) -> worst.merge(sku, v, WalmartConnector::worse));
            }
        } catch (FeedLost e) {
            // Walmart does not know the feed (or refuses to show it): nothing will come of waiting, so resend
            return job.items().stream().<PushOutcome>map(i -> new PushOutcome.RetryLater(i.listingId(),
                    settings.transport().maxBackoff(), e.getMessage())).toList();
        } catch (ChannelReadFailed e) {
            return stillPending(job, e.retryAfter());
        } catch (WireFailure | CredentialsRefused | MissingCredential e) {
            return stillPending(job, settings.transport().maxBackoff());
        }
        List<PushOutcome> out = new ArrayList<>();
        for (PendingJob.Item item : job.items()) {
            Verdict v = worst.getOrDefault(item.sku(), Verdict.OK);
            if (v instanceof Verdict.Permanent p) {
                out.add(new PushOutcome.Rejected(item.listingId(), p.code(), p.message()));
            } else if (v instanceof Verdict.Retryable r) {
                out.add(new PushOutcome.RetryLater(item.listingId(), r.delay(), r.reason()));
            } else {
                out.add(new PushOutcome.Accepted(item.listingId(), item.fields()));
            }
        }
        return out;
    }

    /** A feed Walmart cannot show us (unknown id, access refused). */
    private static final class FeedLost extends RuntimeException {
        FeedLost(String message) {
            super(message);
        }
    }

    /** Walmart could not be asked now; the feeds are not lost, so ask again later rather than resend. */
    private static List<PushOutcome> stillPending(PendingJob job, Duration delay) {
        PendingJob later = job.pollAgainAfter(delay.compareTo(job.pollAfter()) > 0 ? delay : job.pollAfter());
        return job.items().stream().<PushOutcome>map(i -> new PushOutcome.Pending(i.listingId(), later)).toList();
    }

    private static Verdict worse(Verdict a, Verdict b) {
        if (a instanceof Verdict.Permanent) {
            return a;
        }
        if (b instanceof Verdict.Permanent) {
            return b;
        }
        return a instanceof Verdict.Retryable ? a : b;
    }

    /** The per-SKU verdicts of one finished feed, or null while it is still processing. */
    private Map<String, Verdict> readFeed(WalmartClient.Session session, PendingJob.Submission s) {
        Map<String, Verdict> bySku = new HashMap<>();
        int offset = 0;
        while (true) {
            WireResponse r = session.send(HttpMethod.GET, "/v3/feeds/" + Query.encode(s.jobId()) + Query.of().add("includeDetails", true)
                    .add("offset", offset).add("limit", 50), (Object) null);
            Verdict answer = errors.classify(session.account().accountId(), r);
            if (answer instanceof Verdict.Permanent p) {
                throw new FeedLost("feed " + s.jobId() + " cannot be read: " + p.message());
            }
            if (!(answer instanceof Verdict.Ok)) {
                throw new ChannelReadFailed("reading feed " + s.jobId() + ": HTTP " + r.status(),
                        answer instanceof Verdict.Retryable retry ? retry.delay() : settings.transport().maxBackoff());
            }
            JsonNode feed = WireJson.tree(r.body());
            String status = String.valueOf(WireJson.text(feed, "feedStatus"));
            if (status.equals("RECEIVED") || status.equals("INPROGRESS")) {
                return null;
            }
            if (status.equals("ERROR")) {
                String message = WalmartErrors.ingestionError(feed)[1];
                s.skus().forEach(sku -> bySku.put(sku, new Verdict.Permanent("FEED_ERROR", "feed " + s.jobId() + " rejected: " + message)));
                return bySku;
            }
            JsonNode details = feed.path("itemDetails").path("itemIngestionStatus");
            int count = 0;
            for (JsonNode item : details) {
                count++;
                String sku = WireJson.text(item, "sku");
                String ingestion = String.valueOf(WireJson.text(item, "ingestionStatus"));
                Verdict v = switch (ingestion) {
                    case "SUCCESS" -> Verdict.OK;
                    case "INPROGRESS" -> null;
                    case "DATA_ERROR" -> {
                        String[] e = WalmartErrors.ingestionError(item);
                        yield new Verdict.Permanent(e[0], e[1]);
                    }
                    default -> new Verdict.Retryable(settings.feedPollAfter(), "Walmart " + ingestion + ": " + WalmartErrors.ingestionError(item)[1]);
                };
                if (v == null) {
                    return null;
                }
                if (sku != null) {
                    bySku.merge(sku, v, WalmartConnector::worse);
                }
            }
            int received = feed.path("itemsReceived").asInt(0);
            offset += count;
            if (count == 0 || offset >= received) {
                return bySku;
            }
        }
    }

    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        WalmartClient.Session session = client.session(account);
        Query q = Query.of().add("limit", settings.pageSize());
        q = pageCursor == null ? q.add("nextCursor", "*") : q.addRaw("nextCursor", Query.encode(pageCursor));
        JsonNode page = read(session, "/v3/items" + q, "listing items");
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode item : page.path("ItemResponse")) {
            String gtin = WireJson.text(item, "gtin");
            String amount = WireJson.text(item.path("price"), "amount");
            offers.add(new ChannelOffer(WireJson.text(item, "sku"), gtin != null ? gtin : WireJson.text(item, "upc"),
                    WireJson.text(item, "wpid"), amount == null ? null : new BigDecimal(amount),
                    WireJson.text(item.path("price"), "currency"), null, WireJson.text(item, "productName")));
        }
        String next = WireJson.text(page, "nextCursor");
        return new OfferPage(offers, next == null || next.isBlank() || offers.isEmpty() ? null : next);
    }

    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        WalmartClient.Session session = client.session(account);
        String query = cursor.pageToken() != null ? cursor.pageToken()
                : Query.of().add("lastModifiedStartDate", cursor.changedSince().truncatedTo(ChronoUnit.SECONDS).toString())
                        .add("limit", settings.pageSize()).toString();
        JsonNode list = read(session, "/v3/orders" + query, "reading orders").path("list");
        List<ChannelOrder> orders = new ArrayList<>();
        Instant latest = cursor.changedSince();
        for (JsonNode o : list.path("elements").path("order")) {
            ChannelOrder order = order(o);
            orders.add(order);
            if (order.changedAt().isAfter(latest)) {
                latest = order.changedAt();
            }
        }
        String next = WireJson.text(list.path("meta"), "nextCursor");
        boolean more = next != null && !next.isBlank() && !orders.isEmpty();
        return new OrderPage(orders, more ? new OrderCursor(cursor.changedSince(), next.startsWith("?") ? next : "?" + next)
                : OrderCursor.since(latest), more);
    }

    static ChannelOrder order(JsonNode o) {
        List<OrderLine> lines = new ArrayList<>();
        long changed = o.path("orderDate").asLong(0);
        String currency = null;
        int cancelled = 0, shipped = 0;
        JsonNode orderLines = o.path("orderLines").path("orderLine");
        for (JsonNode l : orderLines) {
            int quantity = Integer.parseInt(String.valueOf(l.path("orderLineQuantity").path("amount").asString("0")).split("\\.")[0]);
            BigDecimal price = null;
            for (JsonNode c : l.path("charges").path("charge")) {
                if ("PRODUCT".equals(WireJson.text(c, "chargeType"))) {
                    String amount = WireJson.text(c.path("chargeAmount"), "amount");
                    price = amount == null ? null : new BigDecimal(amount);
                    currency = WireJson.text(c.path("chargeAmount"), "currency");
                }
            }
            Set<String> statuses = new java.util.HashSet<>();
            l.path("orderLineStatuses").path("orderLineStatus").forEach(s -> statuses.add(WireJson.text(s, "status")));
            boolean isCancelled = !statuses.isEmpty() && statuses.stream().allMatch("Cancelled"::equals);
            cancelled += isCancelled ? 1 : 0;
            shipped += !statuses.isEmpty() && statuses.stream().allMatch(s -> "Shipped".equals(s) || "Delivered".equals(s)) ? 1 : 0;
            changed = Math.max(changed, l.path("statusDate").asLong(0));
            lines.add(new OrderLine(WireJson.text(l, "lineNumber"), WireJson.text(l.path("item"), "sku"), quantity, price, isCancelled));
        }
        int n = lines.size();
        ChannelOrder.OrderState state = n > 0 && cancelled == n ? ChannelOrder.OrderState.CANCELLED
                : n > 0 && shipped + cancelled == n && shipped > 0 ? ChannelOrder.OrderState.SHIPPED : ChannelOrder.OrderState.OPEN;
        return new ChannelOrder(WireJson.text(o, "purchaseOrderId"), state, Instant.ofEpochMilli(changed), currency, lines);
    }

    private JsonNode read(WalmartClient.Session session, String pathAndQuery, String what) {
        return WireJson.tree(ChannelReads.read("Walmart " + what, settings.transport().maxBackoff(),
                () -> session.send(HttpMethod.GET, pathAndQuery, (Object) null),
                r -> errors.classify(session.account().accountId(), r), WalmartErrors::message).body());
    }

    /**
     * Our webhook subscription asks for HMAC authentication: the {@link WalmartSettings#webhookAuthHeader()} header
     * carries HMAC-SHA256 of the complete body keyed with the subscription's secret (the account's
     * {@code webhookSecret} credential, else its {@code clientSecret}); hex and base64 are both accepted.
     */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        String given = header(headers, settings.webhookAuthHeader());
        if (given == null) {
            return Optional.empty();
        }
        String secret = account.credentialOr("webhookSecret", account.credentialOr("clientSecret", null));
        if (secret == null) {
            return Optional.empty();
        }
        byte[] mac = hmacSha256(secret, body);
        String g = given.strip();
        boolean ok = constantEquals(g.toLowerCase(), HexFormat.of().formatHex(mac))
                || constantEquals(g, Base64.getEncoder().encodeToString(mac));
        if (!ok) {
            return Optional.empty();
        }
        JsonNode n = WireJson.tree(body);
        JsonNode source = n.path("source");
        String topic = WireJson.text(source, "eventType");
        String subEvent = WireJson.text(n.path("payload"), "subEventType");
        String orderId = WireJson.text(n.path("payload"), "purchaseOrderId");
        if (orderId == null) {
            orderId = WireJson.text(n.path("payload").path("order"), "purchaseOrderId");
        }
        return Optional.of(new ChannelNotification(WireJson.text(source, "eventId"), subEvent != null ? subEvent : topic, orderId));
    }

    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean constantEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
