package dev.omnisync.channel.otto;

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
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * OTTO Market: quantities synchronously through {@code POST /v1/availability/quantities} (≤200 per call; one bad
 * item makes OTTO refuse the whole request, so the refused items are rejected by their {@code jsonPath} and the rest
 * sent again), prices through {@code POST /v5/products/prices} (≤500 per call), an asynchronous update task that
 * {@link #poll} follows until {@code done} and reads per variation ({@code /failed}). OTTO has no optional fields and
 * no order webhooks: orders are polled from {@code /v4/orders} (one position item per unit; ANNOUNCED items reserve
 * stock, so they count as open).
 */
@Component
public class OttoConnector implements ChannelConnector {

    static final String PRICE_TASK = "prices";

    private final ChannelSettings channelSettings;
    private final OttoSettings settings;
    private final OttoClient client;
    private final OttoErrors errors;
    private final Clock clock;

    @Autowired
    public OttoConnector(ChannelSettings channelSettings, OttoSettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public OttoConnector(ChannelSettings channelSettings, OttoSettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.clock = clock;
        this.client = new OttoClient(settings, clock);
        this.errors = new OttoErrors(settings);
    }

    @Override
    public Channel channel() {
        return Channel.OTTO;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.OTTO);
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        OttoClient.Session session = client.session(account);
        OutcomeTally tally = new OutcomeTally(updates);
        List<ItemUpdate> quantities = new ArrayList<>();
        List<ItemUpdate> prices = new ArrayList<>();
        for (ItemUpdate u : updates) {
            String currency = u.values().currency() != null ? u.values().currency() : account.currency();
            if (u.sends(FieldKey.PRICE) && (u.values().price() == null || u.values().price().signum() <= 0)) {
                tally.rejected(u.listingId(), "INVALID_PRICE", "price must be greater than 0");
            } else if (u.sends(FieldKey.PRICE) && currency != null && !currency.equals("EUR")) {
                tally.rejected(u.listingId(), "INVALID_CURRENCY", "OTTO prices are in EUR, not " + currency);
            } else {
                if (u.sends(FieldKey.QUANTITY) && u.values().quantity() != null) {
                    quantities.add(u);
                }
                if (u.sends(FieldKey.PRICE)) {
                    prices.add(u);
                }
            }
        }
        List<PendingJob.Submission> submissions = new ArrayList<>();
        try {
            for (List<ItemUpdate> part : Batches.of(quantities, limits().batchSize())) {
                sendQuantities(session, part, tally, 1);
            }
            List<ItemUpdate> pricesDue = prices.stream().filter(u -> !tally.hasFailed(u.listingId())).toList();
            for (List<ItemUpdate> part : Batches.of(pricesDue, settings.pricesPerCall())) {
                submitPrices(session, part, tally, submissions);
            }
        } catch (CredentialsRefused | MissingCredential e) {
            updates.forEach(u -> tally.retryLater(u.listingId(), settings.transport().maxBackoff(), e.getMessage()));
        }
        List<ItemUpdate> inJobs = updates.stream().filter(u -> !tally.hasFailed(u.listingId())
                && submissions.stream().anyMatch(s -> s.skus().contains(u.sku()))).toList();
        if (!inJobs.isEmpty()) {
            PendingJob job = new PendingJob(submissions, inJobs.stream().map(u -> new PendingJob.Item(u.listingId(), u.sku(), u.fields())).toList(),
                    clock.instant(), settings.taskPollAfter());
            inJobs.forEach(u -> tally.pending(u.listingId(), job));
        }
        for (ItemUpdate u : updates) {
            if (!tally.hasFailed(u.listingId()) && !inJobs.contains(u)) {
                tally.accepted(u.listingId(), Set.of());
            }
        }
        return new PushResult(tally.outcomes(), session.calls());
    }

    /**
     * One quantities call. OTTO refuses the whole request when one item is bad and names the bad ones by
     * {@code jsonPath}: those are rejected and the others sent once more. 413 halves the batch.
     */
    private void sendQuantities(OttoClient.Session session, List<ItemUpdate> part, OutcomeTally tally, int round) {
        WireResponse r;
        try {
            r = session.send(HttpMethod.POST, "/v1/availability/quantities",
                    part.stream().map(u -> new OttoPayloads.Quantity(u.sku(), Math.max(0, u.values().quantity()))).toList());
        } catch (WireFailure e) {
            part.forEach(u -> tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
            return;
        }
        if (r.status() == 413 && part.size() > 1) {
            int half = part.size() / 2;
            sendQuantities(session, part.subList(0, half), tally, round);
            sendQuantities(session, part.subList(half, part.size()), tally, round);
            return;
        }
        Verdict whole = errors.classify(session.account().accountId(), r);
        if (whole instanceof Verdict.Ok) {
            part.forEach(u -> tally.accepted(u.listingId(), Set.of(FieldKey.QUANTITY)));
            return;
        }
        Map<Integer, Verdict> refused = r.status() == 400 || r.status() == 404 ? OttoErrors.errorsByIndex(r) : Map.of();
        if (refused.isEmpty() || round > 1) {
            part.forEach(u -> tally.record(u.listingId(), Set.of(FieldKey.QUANTITY), whole));
            return;
        }
        List<ItemUpdate> again = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            Verdict v = refused.get(i);
            if (v != null) {
                tally.record(part.get(i).listingId(), Set.of(FieldKey.QUANTITY), v);
            } else {
                again.add(part.get(i));
            }
        }
        if (!again.isEmpty()) {
            sendQuantities(session, again, tally, round + 1);
        }
    }

    private void submitPrices(OttoClient.Session session, List<ItemUpdate> part, OutcomeTally tally, List<PendingJob.Submission> submissions) {
        WireResponse r;
        try {
            r = session.send(HttpMethod.POST, "/v5/products/prices", prices(part));
        } catch (WireFailure e) {
            part.forEach(u -> tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
            return;
        }
        Verdict v = errors.classify(session.account().accountId(), r);
        String taskId = taskId(WireJson.tree(r.body()));
        if (v instanceof Verdict.Ok && taskId != null) {
            submissions.add(new PendingJob.Submission(PRICE_TASK, taskId, Set.of(FieldKey.PRICE), part.stream().map(ItemUpdate::sku).toList()));
            return;
        }
        Verdict verdict = v instanceof Verdict.Ok ? new Verdict.Retryable(settings.transport().maxBackoff(), "OTTO answered no task link") : v;
        part.forEach(u -> tally.record(u.listingId(), Set.of(FieldKey.PRICE), verdict));
    }

    static List<OttoPayloads.Price> prices(List<ItemUpdate> part) {
        return part.stream().map(u -> new OttoPayloads.Price(u.sku(),
                new OttoPayloads.Money(u.values().price().setScale(2, RoundingMode.HALF_UP), "EUR"))).toList();
    }

    /** The process id from the progress body's {@code links[rel=self]} ({@code /v5/products/update-tasks/{id}}). */
    static String taskId(JsonNode progress) {
        for (JsonNode link : progress.path("links")) {
            if ("self".equals(WireJson.text(link, "rel"))) {
                String href = String.valueOf(WireJson.text(link, "href"));
                int slash = href.lastIndexOf('/');
                return slash < 0 ? null : href.substring(slash + 1);
            }
        }
        return null;
    }

    /**
     * Reads each price task: while any is {@code pending} (or OTTO cannot be asked right now: 429, 5xx, timeouts,
     * token trouble) the whole job stays Pending and is polled again later — never re-sent. Once all are
     * {@code done}, variations listed under {@code /failed} are rejected with OTTO's error titles and the rest
     * (succeeded or unchanged) accepted. A task OTTO does not know (404) will never finish: its items are re-sent.
     */
    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        OttoClient.Session session = client.session(account);
        Map<String, Verdict> failed = new HashMap<>();
        try {
            for (PendingJob.Submission s : job.submissions()) {
                String base = "/v5/products/update-tasks/" + Query.encode(s.jobId());
                WireResponse r = session.send(HttpMethod.GET, base, null);
                if (r.status() == 404) {
                    return job.items().stream().<PushOutcome>map(i -> new PushOutcome.RetryLater(i.listingId(),
                            settings.transport().backoff(1), "OTTO does not know update task " + s.jobId() + "; sending again")).toList();
                }
                Verdict v = errors.classify(account.accountId(), r);
                if (v instanceof Verdict.Retryable retry) {
                    return pending(job, retry.delay());
                }
                if (!(v instanceof Verdict.Ok)) {
                    s.skus().forEach(sku -> failed.put(sku, v));
                    continue;
                }
                JsonNode progress = WireJson.tree(r.body());
                if (!"done".equals(String.valueOf(WireJson.text(progress, "state")).toLowerCase(Locale.ROOT))) {
                    return pending(job, untilPingAfter(progress));
                }
                WireResponse f = session.send(HttpMethod.GET, base + "/failed", null);
                Verdict fv = errors.classify(account.accountId(), f);
                if (!(fv instanceof Verdict.Ok)) {
                    return pending(job, fv instanceof Verdict.Retryable retry ? retry.delay() : settings.taskPollAfter());
                }
                for (JsonNode result : WireJson.tree(f.body()).path("results")) {
                    List<String> texts = new ArrayList<>();
                    String code = "FAILED";
                    for (JsonNode e : result.path("errors")) {
                        texts.add(OttoErrors.describe(e));
                        code = e.path("code").asString(code);
                    }
                    failed.put(WireJson.text(result, "variation"), new Verdict.Permanent(code,
                            texts.isEmpty() ? "OTTO reports the price update failed" : String.join("; ", texts)));
                }
            }
        } catch (WireFailure | CredentialsRefused | MissingCredential e) {
            return pending(job, settings.transport().maxBackoff());
        }
        List<PushOutcome> out = new ArrayList<>();
        for (PendingJob.Item item : job.items()) {
            Verdict v = failed.get(item.sku());
            if (v instanceof Verdict.Permanent p) {
                out.add(new PushOutcome.Rejected(item.listingId(), p.code(), p.message()));
            } else {
                out.add(new PushOutcome.Accepted(item.listingId(), item.fields()));
            }
        }
        return out;
    }

    /** How long until OTTO's {@code pingAfter}; the configured wait when it gives none. */
    private Duration untilPingAfter(JsonNode progress) {
        String ping = WireJson.text(progress, "pingAfter");
        if (ping != null) {
            Instant at = instant(ping);
            if (!at.equals(Instant.EPOCH)) {
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            }
        }
        return settings.taskPollAfter();
    }

    private static List<PushOutcome> pending(PendingJob job, Duration delay) {
        PendingJob again = job.pollAgainAfter(delay);
        return job.items().stream().<PushOutcome>map(i -> new PushOutcome.Pending(i.listingId(), again)).toList();
    }

    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        OttoClient.Session session = client.session(account);
        int page = pageCursor == null ? 0 : Integer.parseInt(pageCursor);
        JsonNode root = read(session, "/v5/products" + Query.of().add("page", page).add("limit", settings.offersPageSize()), "listing products");
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode v : root.path("productVariations")) {
            JsonNode price = v.path("pricing").path("standardPrice");
            String moin = WireJson.text(v, "moin");
            offers.add(new ChannelOffer(WireJson.text(v, "sku"), WireJson.text(v, "ean"), moin != null ? moin : WireJson.text(v, "sku"),
                    price.hasNonNull("amount") ? price.get("amount").decimalValue() : null, WireJson.text(price, "currency"), null,
                    WireJson.text(v.path("productDescription"), "productLine")));
        }
        return new OfferPage(offers, nextLink(root) != null && !offers.isEmpty() ? Integer.toString(page + 1) : null);
    }

    private static String nextLink(JsonNode root) {
        for (JsonNode link : root.path("links")) {
            if ("next".equals(WireJson.text(link, "rel"))) {
                return WireJson.text(link, "href");
            }
        }
        return null;
    }

    /**
     * Orders changed since the cursor ({@code fromDate}), following OTTO's {@code nextcursor}; the next window
     * starts at the latest {@code lastModifiedDate} seen.
     */
    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        OttoClient.Session session = client.session(account);
        Query q = cursor.pageToken() != null
                ? Query.of().addRaw("nextcursor", cursor.pageToken()).add("limit", settings.ordersPageSize())
                : Query.of().add("fromDate", DateTimeFormatter.ISO_INSTANT.format(cursor.changedSince().truncatedTo(ChronoUnit.MILLIS)))
                        .add("limit", settings.ordersPageSize()).add("orderDirection", "ASC");
        JsonNode root = read(session, "/v4/orders" + q, "reading orders");
        List<ChannelOrder> orders = new ArrayList<>();
        Instant latest = cursor.changedSince();
        for (JsonNode o : root.path("resources")) {
            ChannelOrder order = order(o);
            orders.add(order);
            if (order.changedAt().isAfter(latest)) {
                latest = order.changedAt();
            }
        }
        String next = nextCursor(nextLink(root));
        boolean more = next != null && !orders.isEmpty();
        return new OrderPage(orders, more ? new OrderCursor(cursor.changedSince(), next) : OrderCursor.since(latest), more);
    }

    /** The (still encoded) {@code nextcursor} value of a next link, or null. */
    static String nextCursor(String href) {
        if (href == null) {
            return null;
        }
        int at = href.indexOf("nextcursor=");
        if (at < 0) {
            return null;
        }
        String v = href.substring(at + "nextcursor=".length());
        int amp = v.indexOf('&');
        return amp < 0 ? v : v.substring(0, amp);
    }

    /** One order: a position item per unit. All cancelled → CANCELLED; all sent/returned → SHIPPED/RETURNED; else OPEN. */
    static ChannelOrder order(JsonNode o) {
        List<OrderLine> lines = new ArrayList<>();
        int cancelled = 0, sent = 0, returned = 0;
        String currency = null;
        for (JsonNode item : o.path("positionItems")) {
            String status = String.valueOf(WireJson.text(item, "fulfillmentStatus"));
            boolean isCancelled = status.startsWith("CANCELLED");
            cancelled += isCancelled ? 1 : 0;
            sent += status.equals("SENT") ? 1 : 0;
            returned += status.equals("RETURNED") ? 1 : 0;
            JsonNode price = item.path("itemValueGrossPrice");
            currency = currency == null ? WireJson.text(price, "currency") : currency;
            lines.add(new OrderLine(WireJson.text(item, "positionItemId"), WireJson.text(item.path("product"), "sku"), 1,
                    price.hasNonNull("amount") ? price.get("amount").decimalValue() : null, isCancelled));
        }
        int n = lines.size();
        ChannelOrder.OrderState state = n > 0 && cancelled == n ? ChannelOrder.OrderState.CANCELLED
                : n > 0 && returned == n ? ChannelOrder.OrderState.RETURNED
                : n > 0 && sent + returned + cancelled == n && sent > 0 ? ChannelOrder.OrderState.SHIPPED
                : ChannelOrder.OrderState.OPEN;
        return new ChannelOrder(WireJson.text(o, "salesOrderId"), state, instant(WireJson.text(o, "lastModifiedDate")), currency, lines);
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? Instant.EPOCH : OffsetDateTime.parse(iso).toInstant();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(iso);
            } catch (RuntimeException again) {
                return Instant.EPOCH;
            }
        }
    }

    private JsonNode read(OttoClient.Session session, String pathAndQuery, String what) {
        return WireJson.tree(ChannelReads.read("OTTO " + what, settings.transport().maxBackoff(),
                () -> session.send(HttpMethod.GET, pathAndQuery, null),
                r -> errors.classify(session.account().accountId(), r), OttoErrors::message).body());
    }

    /** OTTO offers no order webhooks to sellers (orders are polled), so nothing delivered to us is genuine. */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        return Optional.empty();
    }
}
