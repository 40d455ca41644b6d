package dev.omnisync.channel.amazon;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelLimits;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelConnector;
import dev.omnisync.channel.spi.ChannelNotification;
import dev.omnisync.channel.spi.ChannelOffer;
import dev.omnisync.channel.spi.ChannelOrder;
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
import dev.omnisync.channel.wire.OutcomeTally;
import dev.omnisync.channel.wire.Query;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireFailure;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Amazon: up to {@link AmazonSettings#feedThreshold()} items go as single Listings Items PATCHes paced at the
 * account's 5 req/s (an ACCEPTED submission is accepted; INVALID is rejected with the issues); larger sets go into
 * one {@code JSON_LISTINGS_FEED} (≤25,000 messages) and come back Pending until {@link #poll} reads the processing
 * report — except quantity cuts, which go first as PATCHes (up to the same threshold) so a sale never waits for a feed. Orders v0 with their order items.
 */
@Component
public class AmazonConnector implements ChannelConnector {

    static final String LISTINGS = "/listings/2021-08-01/items/";
    static final String FEEDS = "/feeds/2021-06-30";
    static final String FEED_TYPE = "JSON_LISTINGS_FEED";
    static final String FEED_CONTENT_TYPE = "application/json; charset=UTF-8";

    private final ChannelSettings channelSettings;
    private final AmazonSettings settings;
    private final AmazonClient client;
    private final AmazonErrors errors;
    private final Clock clock;

    @Autowired
    public AmazonConnector(ChannelSettings channelSettings, AmazonSettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public AmazonConnector(ChannelSettings channelSettings, AmazonSettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.clock = clock;
        this.client = new AmazonClient(settings, clock);
        this.errors = new AmazonErrors(settings);
    }

    @Override
    public Channel channel() {
        return Channel.AMAZON;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.AMAZON);
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        AmazonClient.Session session = client.session(account);
        OutcomeTally tally = new OutcomeTally(updates);
        List<ItemUpdate> sendable = new ArrayList<>();
        for (ItemUpdate u : updates) {
            List<AmazonPayloads.Patch> patches = patches(u, session.marketplaceId(), settings.languageTag(), account.currency());
            if (patches.isEmpty()) {
                tally.accepted(u.listingId(), Set.of());
            } else {
                sendable.add(u);
            }
        }
        try {
            if (sendable.size() > settings.feedThreshold()) {
                // A feed takes minutes; quantity cuts (sales, stock-outs) cannot wait that long, so up to the
                // patch budget they go first as single PATCHes and only the rest rides in the feed.
                List<ItemUpdate> cuts = sendable.stream().filter(ItemUpdate::isQuantityCut).limit(settings.feedThreshold()).toList();
                Set<ItemUpdate> urgent = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                urgent.addAll(cuts);
                List<ItemUpdate> rest = sendable.stream().filter(u -> !urgent.contains(u)).toList();
                patchEach(session, cuts, tally);
                if (rest.size() > settings.feedThreshold()) {
                    int size = limits().batchSize();
                    for (List<ItemUpdate> part : Batches.of(rest, size)) {
                        submitFeed(session, part, tally);
                    }
                } else {
                    patchEach(session, rest, tally);
                }
            } else {
                patchEach(session, sendable, tally);
            }
        } catch (CredentialsRefused | MissingCredential e) {
            sendable.forEach(u -> tally.retryLater(u.listingId(), settings.transport().maxBackoff(), e.getMessage()));
        }
        return new PushResult(tally.outcomes(), session.calls());
    }

    /** The patches for the fields sent; empty when nothing Amazon knows is to be sent. */
    static List<AmazonPayloads.Patch> patches(ItemUpdate u, String marketplaceId, String languageTag, String accountCurrency) {
        OfferValues v = u.values();
        List<AmazonPayloads.Patch> patches = new ArrayList<>();
        if (u.sends(FieldKey.QUANTITY) && v.quantity() != null) {
            patches.add(AmazonPayloads.Patch.replace("fulfillment_availability",
                    List.of(new AmazonPayloads.FulfillmentAvailability("DEFAULT", v.quantity()))));
        }
        if (u.sends(FieldKey.PRICE) && v.price() != null) {
            String currency = v.currency() != null ? v.currency() : accountCurrency;
            patches.add(AmazonPayloads.Patch.replace("purchasable_offer", List.of(new AmazonPayloads.PurchasableOffer(marketplaceId,
                    currency, "ALL", List.of(new AmazonPayloads.OurPrice(List.of(new AmazonPayloads.Schedule(
                            v.price().setScale(2, RoundingMode.HALF_UP)))))))));
        }
        if (u.sends(FieldKey.TITLE) && v.title() != null) {
            patches.add(AmazonPayloads.Patch.replace("item_name", List.of(new AmazonPayloads.LocalizedValue(v.title(), languageTag, marketplaceId))));
        }
        if (u.sends(FieldKey.DESCRIPTION) && v.description() != null) {
            patches.add(AmazonPayloads.Patch.replace("product_description",
                    List.of(new AmazonPayloads.LocalizedValue(v.description(), languageTag, marketplaceId))));
        }
        if (u.sends(FieldKey.IMAGES) && !v.images().isEmpty()) {
            patches.add(AmazonPayloads.Patch.replace("main_product_image_locator",
                    List.of(new AmazonPayloads.ImageLocator(v.images().get(0), marketplaceId))));
            for (int i = 1; i < v.images().size() && i <= 8; i++) {
                patches.add(AmazonPayloads.Patch.replace("other_product_image_locator_" + i,
                        List.of(new AmazonPayloads.ImageLocator(v.images().get(i), marketplaceId))));
            }
        }
        if (u.sends(FieldKey.GPSR) && v.gpsr() != null) {
            OfferValues.Gpsr g = v.gpsr();
            patches.add(AmazonPayloads.Patch.replace("gpsr_safety_attestation", List.of(new AmazonPayloads.MarketplaceValue(true, marketplaceId))));
            if (g.manufacturer() != null && g.manufacturer().email() != null) {
                patches.add(AmazonPayloads.Patch.replace("gpsr_manufacturer_reference",
                        List.of(new AmazonPayloads.ManufacturerReference(g.manufacturer().email(), marketplaceId))));
            }
            if (g.responsiblePerson() != null && g.responsiblePerson().email() != null) {
                patches.add(AmazonPayloads.Patch.replace("dsa_responsible_party_address",
                        List.of(new AmazonPayloads.MarketplaceValue(g.responsiblePerson().email(), marketplaceId))));
            }
        }
        if (u.sends(FieldKey.ATTRIBUTES)) {
            v.attributes().forEach((name, values) -> patches.add(AmazonPayloads.Patch.replace(name,
                    values.stream().map(val -> new AmazonPayloads.MarketplaceValue(val, marketplaceId)).toList())));
        }
        return patches;
    }

    private String productType(ItemUpdate u) {
        return u.values().category() != null && !u.values().category().isBlank() ? u.values().category() : settings.productType();
    }

    private void patchEach(AmazonClient.Session session, List<ItemUpdate> items, OutcomeTally tally) {
        Duration throttled = null;
        String throttleReason = null;
        for (ItemUpdate u : items) {
            if (throttled != null) {
                // the bucket is empty: the rest would only earn more 429s
                tally.retryLater(u.listingId(), throttled, throttleReason);
                continue;
            }
            AmazonPayloads.ListingsPatch body = new AmazonPayloads.ListingsPatch(productType(u),
                    patches(u, session.marketplaceId(), settings.languageTag(), session.account().currency()));
            String path = LISTINGS + Query.encode(session.sellerId()) + "/" + Query.encode(u.sku())
                    + Query.of().add("marketplaceIds", session.marketplaceId()).add("includedData", "issues");
            session.pacePatch();
            WireResponse r;
            try {
                r = session.send(HttpMethod.PATCH, path, body);
            } catch (WireFailure e) {
                tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage());
                continue;
            }
            Verdict v = errors.classify(session.account().accountId(), r);
            if (v instanceof Verdict.Retryable retry && r.status() == 429) {
                throttled = retry.delay();
                throttleReason = retry.reason();
            }
            if (v instanceof Verdict.AuthExpired auth) {
                v = new Verdict.Retryable(settings.transport().maxBackoff(), auth.message());
            }
            if (v instanceof Verdict.Ok) {
                JsonNode answer = WireJson.tree(r.body());
                String status = WireJson.text(answer, "status");
                if ("INVALID".equals(status)) {
                    v = new Verdict.Permanent(AmazonErrors.firstIssueCode(answer), AmazonErrors.issues(answer));
                }
            }
            tally.record(u.listingId(), u.fields(), v);
        }
    }

    private void submitFeed(AmazonClient.Session session, List<ItemUpdate> items, OutcomeTally tally) {
        List<AmazonPayloads.FeedMessage> messages = new ArrayList<>();
        int id = 1;
        for (ItemUpdate u : items) {
            messages.add(new AmazonPayloads.FeedMessage(id++, u.sku(), "PATCH", productType(u),
                    patches(u, session.marketplaceId(), settings.languageTag(), session.account().currency())));
        }
        byte[] document = WireJson.write(new AmazonPayloads.ListingsFeed(
                new AmazonPayloads.FeedHeader(session.sellerId(), "2.0", settings.languageTag()), messages));
        try {
            WireResponse created = session.send(HttpMethod.POST, FEEDS + "/documents", new AmazonPayloads.CreateFeedDocument(FEED_CONTENT_TYPE));
            if (!failAll(session, created, items, tally)) {
                return;
            }
            JsonNode doc = WireJson.tree(created.body());
            WireResponse upload = session.document(HttpMethod.PUT, WireJson.text(doc, "url"), document, FEED_CONTENT_TYPE);
            if (!failAll(session, upload, items, tally)) {
                return;
            }
            WireResponse feed = session.send(HttpMethod.POST, FEEDS + "/feeds", new AmazonPayloads.CreateFeed(FEED_TYPE,
                    List.of(session.marketplaceId()), WireJson.text(doc, "feedDocumentId")));
            if (!failAll(session, feed, items, tally)) {
                return;
            }
            String feedId = WireJson.text(WireJson.tree(feed.body()), "feedId");
            PendingJob job = new PendingJob(
                    List.of(new PendingJob.Submission(FEED_TYPE, feedId, fieldsOf(items), items.stream().map(ItemUpdate::sku).toList())),
                    items.stream().map(u -> new PendingJob.Item(u.listingId(), u.sku(), u.fields())).toList(),
                    clock.instant(), settings.feedPollAfter());
            items.forEach(u -> tally.pending(u.listingId(), job));
        } catch (WireFailure e) {
            items.forEach(u -> tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
        }
    }

    /** False (and every item marked) when a feed step failed. */
    private boolean failAll(AmazonClient.Session session, WireResponse r, List<ItemUpdate> items, OutcomeTally tally) {
        Verdict v = errors.classify(session.account().accountId(), r);
        if (v instanceof Verdict.Ok) {
            return true;
        }
        Verdict verdict = v.authExpiredAsRetryable(settings.transport().maxBackoff());
        items.forEach(u -> tally.record(u.listingId(), u.fields(), verdict));
        return false;
    }

    private static Set<FieldKey> fieldsOf(List<ItemUpdate> items) {
        java.util.EnumSet<FieldKey> all = java.util.EnumSet.noneOf(FieldKey.class);
        items.forEach(u -> all.addAll(u.fields()));
        return all;
    }

    /**
     * Reads the feed: IN_QUEUE/IN_PROGRESS → still Pending; DONE → the processing report decides per message (an
     * ERROR issue rejects it, anything else is accepted); FATAL/CANCELLED → RetryLater (some, none or all may have
     * been applied, so resending is the safe answer).
     */
    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        AmazonClient.Session session = client.session(account);
        Map<String, PushOutcome> bySku = new HashMap<>();
        List<PushOutcome> out = new ArrayList<>();
        try {
            for (PendingJob.Submission submission : job.submissions()) {
                WireResponse r = session.send(HttpMethod.GET, FEEDS + "/feeds/" + Query.encode(submission.jobId()), null);
                Verdict v = errors.classify(account.accountId(), r);
                if (v instanceof Verdict.Permanent p) {
                    return retryAll(job, settings.transport().maxBackoff(), "feed " + submission.jobId() + " cannot be read ("
                            + p.message() + "); resending");
                }
                if (!(v instanceof Verdict.Ok)) {
                    return stillPending(job, v);
                }
                JsonNode feed = WireJson.tree(r.body());
                String status = String.valueOf(WireJson.text(feed, "processingStatus"));
                switch (status) {
                    case "DONE" -> {
                        Verdict report = readReport(session, submission, WireJson.text(feed, "resultFeedDocumentId"), job, bySku);
                        if (!(report instanceof Verdict.Ok)) {
                            return stillPending(job, report);
                        }
                    }
                    case "FATAL", "CANCELLED" -> job.items().stream().filter(i -> submission.skus().contains(i.sku()))
                            .forEach(i -> bySku.put(i.sku(), new PushOutcome.RetryLater(i.listingId(), settings.transport().maxBackoff(),
                                    "feed " + submission.jobId() + " ended " + status + "; resending")));
                    default -> {
                        return job.items().stream().<PushOutcome>map(i -> new PushOutcome.Pending(i.listingId(), job)).toList();
                    }
                }
            }
        } catch (WireFailure e) {
            return stillPending(job, new Verdict.Retryable(settings.transport().maxBackoff(), e.getMessage()));
        } catch (CredentialsRefused | MissingCredential e) {
            return stillPending(job, new Verdict.Retryable(settings.transport().maxBackoff(), e.getMessage()));
        }
        for (PendingJob.Item item : job.items()) {
            out.add(bySku.getOrDefault(item.sku(), new PushOutcome.Accepted(item.listingId(), item.fields())));
        }
        return out;
    }

    /** The feed is not lost because Amazon could not be asked now: ask again later rather than resend. */
    private List<PushOutcome> stillPending(PendingJob job, Verdict why) {
        Duration delay = why instanceof Verdict.Retryable r ? r.delay() : settings.transport().maxBackoff();
        PendingJob later = job.pollAgainAfter(delay.compareTo(job.pollAfter()) > 0 ? delay : job.pollAfter());
        return job.items().stream().<PushOutcome>map(i -> new PushOutcome.Pending(i.listingId(), later)).toList();
    }

    /** Reads the processing report into per-SKU rejections; anything but Ok means "could not read it now". */
    private Verdict readReport(AmazonClient.Session session, PendingJob.Submission submission, String documentId, PendingJob job,
            Map<String, PushOutcome> bySku) {
        if (documentId == null) {
            return new Verdict.Retryable(settings.transport().maxBackoff(), "feed " + submission.jobId() + " is DONE without a report yet");
        }
        WireResponse r = session.send(HttpMethod.GET, FEEDS + "/documents/" + Query.encode(documentId), null);
        Verdict v = errors.classify(session.account().accountId(), r);
        JsonNode doc = WireJson.tree(r.body());
        String url = WireJson.text(doc, "url");
        if (!(v instanceof Verdict.Ok) || url == null) {
            return v instanceof Verdict.Ok ? new Verdict.Retryable(settings.transport().maxBackoff(), "report document has no url") : v;
        }
        WireResponse content = session.document(HttpMethod.GET, url, null, null);
        if (!content.isSuccess()) {
            return new Verdict.Retryable(settings.transport().maxBackoff(), "report download answered HTTP " + content.status());
        }
        byte[] bytes = content.body();
        if ("GZIP".equalsIgnoreCase(WireJson.text(doc, "compressionAlgorithm"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                return new Verdict.Retryable(settings.transport().maxBackoff(), "cannot gunzip the report of feed " + submission.jobId());
            }
        }
        JsonNode report = WireJson.tree(bytes);
        Map<Integer, String> skuByMessage = new HashMap<>();
        for (int i = 0; i < submission.skus().size(); i++) {
            skuByMessage.put(i + 1, submission.skus().get(i));
        }
        Map<String, PendingJob.Item> items = new LinkedHashMap<>();
        job.items().forEach(i -> items.put(i.sku(), i));
        for (JsonNode issue : report.path("issues")) {
            if (!"ERROR".equals(WireJson.text(issue, "severity"))) {
                continue;
            }
            String sku = WireJson.text(issue, "sku");
            if (sku == null) {
                sku = skuByMessage.get(issue.path("messageId").asInt(-1));
            }
            PendingJob.Item item = sku == null ? null : items.get(sku);
            if (item != null && !bySku.containsKey(sku)) {
                bySku.put(sku, new PushOutcome.Rejected(item.listingId(), WireJson.text(issue, "code"), WireJson.text(issue, "message")));
            }
        }
        return Verdict.OK;
    }

    private static List<PushOutcome> retryAll(PendingJob job, Duration delay, String reason) {
        return job.items().stream().<PushOutcome>map(i -> new PushOutcome.RetryLater(i.listingId(), delay, reason)).toList();
    }

    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        AmazonClient.Session session = client.session(account);
        JsonNode page = read(session, LISTINGS + Query.encode(session.sellerId()) + Query.of().add("marketplaceIds", session.marketplaceId())
                .add("includedData", "summaries,offers,fulfillmentAvailability,identifiers").add("pageSize", 20).add("pageToken", pageCursor),
                "listing items");
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            JsonNode summary = item.path("summaries").path(0);
            JsonNode offer = item.path("offers").path(0);
            JsonNode availability = item.path("fulfillmentAvailability").path(0);
            String amount = WireJson.text(offer.path("price"), "amount");
            String gtin = null;
            for (JsonNode id : item.path("identifiers").path(0).path("identifiers")) {
                String type = String.valueOf(WireJson.text(id, "identifierType"));
                if (gtin == null && (type.equals("EAN") || type.equals("GTIN") || type.equals("UPC"))) {
                    gtin = WireJson.text(id, "identifier");
                }
            }
            offers.add(new ChannelOffer(WireJson.text(item, "sku"), gtin, WireJson.text(summary, "asin"),
                    amount == null ? null : new BigDecimal(amount), WireJson.text(offer.path("price"), "currencyCode"),
                    availability.hasNonNull("quantity") ? availability.get("quantity").asInt() : null,
                    WireJson.text(summary, "itemName")));
        }
        return new OfferPage(offers, WireJson.text(page.path("pagination"), "nextToken"));
    }

    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        AmazonClient.Session session = client.session(account);
        Query q = Query.of().add("MarketplaceIds", session.marketplaceId());
        if (cursor.pageToken() == null) {
            // Amazon wants the window to start at least two minutes before now; re-reading a little is harmless
            Instant latestAllowed = clock.instant().minus(settings.ordersLag()).minusSeconds(1);
            Instant after = cursor.changedSince().isAfter(latestAllowed) ? latestAllowed : cursor.changedSince();
            q.add("LastUpdatedAfter", after.truncatedTo(ChronoUnit.SECONDS).toString()).add("MaxResultsPerPage", 100);
        } else {
            q.add("NextToken", cursor.pageToken());
        }
        JsonNode payload = read(session, "/orders/v0/orders" + q, "reading orders").path("payload");
        List<ChannelOrder> orders = new ArrayList<>();
        Instant latest = cursor.changedSince();
        for (JsonNode o : payload.path("Orders")) {
            String orderId = WireJson.text(o, "AmazonOrderId");
            List<JsonNode> items = new ArrayList<>();
            String next = null;
            do {
                JsonNode itemsPayload = read(session, "/orders/v0/orders/" + Query.encode(orderId) + "/orderItems"
                        + Query.of().add("NextToken", next), "reading items of order " + orderId).path("payload");
                itemsPayload.path("OrderItems").forEach(items::add);
                next = WireJson.text(itemsPayload, "NextToken");
            } while (next != null);
            ChannelOrder order = order(o, items);
            orders.add(order);
            if (order.changedAt().isAfter(latest)) {
                latest = order.changedAt();
            }
        }
        String nextToken = WireJson.text(payload, "NextToken");
        boolean more = nextToken != null;
        // the window Amazon answered for ends at LastUpdatedBefore: the next window starts there, so nothing is skipped
        String windowEnd = WireJson.text(payload, "LastUpdatedBefore");
        Instant nextSince = windowEnd != null ? Instant.parse(windowEnd) : latest;
        if (nextSince.isBefore(cursor.changedSince())) {
            nextSince = cursor.changedSince();
        }
        return new OrderPage(orders, more ? new OrderCursor(cursor.changedSince(), nextToken) : OrderCursor.since(nextSince), more);
    }

    static ChannelOrder order(JsonNode o, List<JsonNode> items) {
        String status = String.valueOf(WireJson.text(o, "OrderStatus"));
        ChannelOrder.OrderState state = switch (status) {
            case "Canceled" -> ChannelOrder.OrderState.CANCELLED;
            case "Shipped" -> ChannelOrder.OrderState.SHIPPED;
            default -> ChannelOrder.OrderState.OPEN;
        };
        List<OrderLine> lines = new ArrayList<>();
        String currency = WireJson.text(o.path("OrderTotal"), "CurrencyCode");
        for (JsonNode i : items) {
            int quantity = i.path("QuantityOrdered").asInt(0);
            String amount = WireJson.text(i.path("ItemPrice"), "Amount");
            BigDecimal unit = amount == null || quantity == 0 ? null
                    : new BigDecimal(amount).divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
            lines.add(new OrderLine(WireJson.text(i, "OrderItemId"), WireJson.text(i, "SellerSKU"), quantity, unit,
                    state == ChannelOrder.OrderState.CANCELLED));
            if (currency == null) {
                currency = WireJson.text(i.path("ItemPrice"), "CurrencyCode");
            }
        }
        String updated = WireJson.text(o, "LastUpdateDate");
        return new ChannelOrder(WireJson.text(o, "AmazonOrderId"), state, updated == null ? Instant.EPOCH : Instant.parse(updated),
                currency, lines);
    }

    private JsonNode read(AmazonClient.Session session, String pathAndQuery, String what) {
        return WireJson.tree(ChannelReads.read("Amazon " + what, settings.transport().maxBackoff(),
                () -> session.send(HttpMethod.GET, pathAndQuery, null),
                r -> errors.classify(session.account().accountId(), r), AmazonErrors::message).body());
    }

    /**
     * Amazon pushes ORDER_CHANGE to SQS/EventBridge, whose messages carry no signature: the queue's access policy is
     * the authentication. A delivery relayed to our webhook is accepted only when its
     * {@code NotificationMetadata.ApplicationId} is the account's {@code applicationId} credential (when set) and, when
     * the account has a {@code webhookSecret}, the relay's {@code X-Omnisync-Relay-Token} header matches it.
     */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        String secret = account.credentials().get("webhookSecret");
        if (secret != null && !java.security.MessageDigest.isEqual(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                String.valueOf(header(headers, "X-Omnisync-Relay-Token")).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        JsonNode n = WireJson.tree(body);
        String type = WireJson.text(n, "NotificationType");
        if (type == null) {
            return Optional.empty();
        }
        String applicationId = account.credentials().get("applicationId");
        if (applicationId != null && !applicationId.equals(WireJson.text(n.path("NotificationMetadata"), "ApplicationId"))) {
            return Optional.empty();
        }
        return Optional.of(new ChannelNotification(WireJson.text(n.path("NotificationMetadata"), "NotificationId"), type,
                WireJson.text(n.path("Payload").path("OrderChangeNotification"), "AmazonOrderId")));
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
