package dev.omnisync.channel.mirakl;

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
import dev.omnisync.channel.spi.OrderCursor;
import dev.omnisync.channel.spi.OrderLine;
import dev.omnisync.channel.spi.OrderPage;
import dev.omnisync.channel.spi.PendingJob;
import dev.omnisync.channel.spi.PushOutcome;
import dev.omnisync.channel.spi.PushResult;
import dev.omnisync.channel.wire.Batches;
import dev.omnisync.channel.wire.ChannelReads;
import dev.omnisync.channel.wire.MultipartBody;
import dev.omnisync.channel.wire.OutcomeTally;
import dev.omnisync.channel.wire.Query;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireFailure;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Mirakl: every price/quantity change of a push goes into one OF01 file in {@code PARTIAL_UPDATE} mode (empty cells
 * keep the offer's value; OF24 is never used because it resets every field not sent); categories and attributes go
 * into one P41 product import. Both are asynchronous: the push answers Pending and {@link #poll} reads OF02 (P42)
 * and, when there are failed lines, the OF03 (P44) error report, rejecting exactly the SKUs it names. Mirakl allows
 * OF01/OF02/OF03 once a minute: the dispatcher spaces pushes by the channel's {@code minIntervalBetweenBatches}, a
 * poll refused with 429 simply stays Pending, and an OF01 whose answer was lost is looked up in OF04 before the file
 * is sent again.
 */
@Component
public class MiraklConnector implements ChannelConnector {

    static final String OFFER_IMPORT = "OF01";
    static final String PRODUCT_IMPORT = "P41";
    private static final Set<String> RUNNING = Set.of("WAITING", "RUNNING", "QUEUED", "WAITING_SYNCHRONIZATION_PRODUCT", "SENT",
            "TRANSFORMATION_WAITING", "TRANSFORMATION_RUNNING", "WAITING_INTEGRATION", "INTEGRATION_RUNNING");

    private final ChannelSettings channelSettings;
    private final MiraklSettings settings;
    private final MiraklClient client;
    private final MiraklErrors errors;
    private final Clock clock;

    @Autowired
    public MiraklConnector(ChannelSettings channelSettings, MiraklSettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public MiraklConnector(ChannelSettings channelSettings, MiraklSettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.clock = clock;
        this.client = new MiraklClient(settings);
        this.errors = new MiraklErrors(settings);
    }

    @Override
    public Channel channel() {
        return Channel.MIRAKL;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.MIRAKL);
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        MiraklClient.Session session = client.session(account);
        OutcomeTally tally = new OutcomeTally(updates);
        if (account.credentialOr("apiKey", null) == null) {
            updates.forEach(u -> tally.retryLater(u.listingId(), settings.transport().maxBackoff(),
                    "account " + account.accountId() + " (MIRAKL) has no credential 'apiKey'"));
            return new PushResult(tally.outcomes(), 0);
        }
        List<ItemUpdate> offers = new ArrayList<>();
        List<ItemUpdate> products = new ArrayList<>();
        for (ItemUpdate u : updates) {
            if (u.sends(FieldKey.PRICE) && (u.values().price() == null || u.values().price().signum() <= 0)) {
                tally.rejected(u.listingId(), "INVALID_PRICE", "price must be greater than 0");
                continue;
            }
            if (u.sends(FieldKey.CATEGORIES) && (u.values().category() == null || u.values().category().isBlank())) {
                tally.rejected(u.listingId(), "MISSING_CATEGORY", "Mirakl product imports need the operator's category code");
                continue;
            }
            if (u.sends(FieldKey.PRICE) || (u.sends(FieldKey.QUANTITY) && u.values().quantity() != null)) {
                offers.add(u);
            }
            if (u.sends(FieldKey.CATEGORIES)) {
                products.add(u);
            }
        }
        List<PendingJob.Submission> submissions = new ArrayList<>();
        Set<String> knownImports = new HashSet<>();
        for (List<ItemUpdate> part : Batches.of(offers, limits().batchSize())) {
            MultipartBody file = MiraklPayloads.csvFile(List.<String[]>of(new String[] {"import_mode", "PARTIAL_UPDATE"}),
                    "offers-" + clock.instant().getEpochSecond() + ".csv", offerCsv(part));
            Submitted s = submitOffers(session, file, knownImports);
            Set<FieldKey> fields = EnumSet.noneOf(FieldKey.class);
            part.forEach(u -> u.fields().stream().filter(f -> f == FieldKey.PRICE || f == FieldKey.QUANTITY).forEach(fields::add));
            if (s.importId() != null) {
                knownImports.add(s.importId());
                submissions.add(new PendingJob.Submission(OFFER_IMPORT, s.importId(), fields, part.stream().map(ItemUpdate::sku).toList()));
            } else {
                part.forEach(u -> tally.record(u.listingId(), fields, s.verdict()));
            }
        }
        for (List<ItemUpdate> part : Batches.of(products.stream().filter(u -> !tally.hasFailed(u.listingId())).toList(), limits().batchSize())) {
            MultipartBody file = MiraklPayloads.csvFile(List.of(), "products-" + clock.instant().getEpochSecond() + ".csv",
                    productCsv(part));
            Submitted s = submitProducts(session, file);
            if (s.importId() != null) {
                submissions.add(new PendingJob.Submission(PRODUCT_IMPORT, s.importId(), Set.of(FieldKey.CATEGORIES),
                        part.stream().map(ItemUpdate::sku).toList()));
            } else {
                part.forEach(u -> tally.record(u.listingId(), Set.of(FieldKey.CATEGORIES), s.verdict()));
            }
        }
        List<ItemUpdate> inJobs = updates.stream().filter(u -> !tally.hasFailed(u.listingId())
                && submissions.stream().anyMatch(s -> s.skus().contains(u.sku()))).toList();
        if (!inJobs.isEmpty()) {
            PendingJob job = new PendingJob(submissions, inJobs.stream().map(u -> new PendingJob.Item(u.listingId(), u.sku(), u.fields())).toList(),
                    clock.instant(), settings.importPollAfter());
            inJobs.forEach(u -> tally.pending(u.listingId(), job));
        }
        for (ItemUpdate u : updates) {
            if (!tally.hasFailed(u.listingId()) && !inJobs.contains(u)) {
                tally.accepted(u.listingId(), Set.of());
            }
        }
        return new PushResult(tally.outcomes(), session.calls());
    }

    /** The OF01 file: {@code sku;price;quantity;update-delete}, cells left empty for fields not sent (PARTIAL_UPDATE keeps them). */
    static String offerCsv(List<ItemUpdate> items) {
        List<List<String>> rows = new ArrayList<>();
        for (ItemUpdate u : items) {
            String price = u.sends(FieldKey.PRICE) ? u.values().price().setScale(2, RoundingMode.HALF_UP).toPlainString() : "";
            String quantity = u.sends(FieldKey.QUANTITY) && u.values().quantity() != null ? Integer.toString(Math.max(0, u.values().quantity())) : "";
            rows.add(List.of(u.sku(), price, quantity, "update"));
        }
        return MiraklPayloads.csv(MiraklPayloads.OFFER_COLUMNS, rows);
    }

    /** The P41 file: {@code shop_sku;category} and one column per attribute code (operator-specific codes). */
    static String productCsv(List<ItemUpdate> items) {
        Set<String> attributes = new TreeSet<>();
        items.forEach(u -> attributes.addAll(u.values().attributes().keySet()));
        List<String> header = new ArrayList<>(List.of("shop_sku", "category"));
        header.addAll(attributes);
        List<List<String>> rows = new ArrayList<>();
        for (ItemUpdate u : items) {
            List<String> row = new ArrayList<>(List.of(u.sku(), u.values().category()));
            for (String a : attributes) {
                List<String> values = u.values().attributes().get(a);
                row.add(values == null ? "" : String.join("|", values));
            }
            rows.add(row);
        }
        return MiraklPayloads.csv(header, rows);
    }

    /** An import Mirakl took (its id), or why not. */
    record Submitted(String importId, Verdict verdict) {
    }

    /**
     * Sends an OF01 file. After a 5xx or a lost answer the file may have arrived all the same, so OF04 is asked for an
     * import created since the first try (and not one of this push's) before the file is sent again — after a grace
     * period when the answer timed out. (A PARTIAL_UPDATE file holds absolute values, so a duplicate would do no
     * harm beyond spending the minute's import.)
     */
    private Submitted submitOffers(MiraklClient.Session session, MultipartBody file, Set<String> known) {
        Instant started = clock.instant();
        int attempts = settings.transport().maxAttempts();
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                WireResponse r = session.sendOnce(HttpMethod.POST, "/api/offers/imports", session.query(), file.body(), file.contentType());
                if (!r.isServerError()) {
                    return submitted(r);
                }
                problem = "Mirakl " + r.status() + ": " + MiraklErrors.message(WireJson.tree(r.body()), r);
            } catch (WireFailure e) {
                problem = e.getMessage();
                sleep(settings.lostAnswerGrace()); // Mirakl may still be taking the file: give it time before asking OF04
            }
            Optional<String> arrived;
            try {
                arrived = importSince(session, started.minus(settings.clockSkew()), known);
            } catch (ChannelReadFailed e) {
                return new Submitted(null, new Verdict.Retryable(e.retryAfter(), problem + "; whether the file arrived is unknown: " + e.getMessage()));
            }
            if (arrived.isPresent()) {
                return new Submitted(arrived.get(), Verdict.OK);
            }
            if (attempt >= attempts) {
                return new Submitted(null, new Verdict.Retryable(settings.transport().backoff(attempts), problem));
            }
            sleep(settings.transport().backoff(attempt));
        }
    }

    private Submitted submitProducts(MiraklClient.Session session, MultipartBody file) {
        try {
            return submitted(session.send(HttpMethod.POST, "/api/products/imports", session.query(), file.body(), file.contentType()));
        } catch (WireFailure e) {
            return new Submitted(null, new Verdict.Retryable(settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
        }
    }

    private Submitted submitted(WireResponse r) {
        Verdict v = errors.classify(r);
        String id = WireJson.text(WireJson.tree(r.body()), "import_id");
        if (v instanceof Verdict.Ok && id != null) {
            return new Submitted(id, v);
        }
        return new Submitted(null, v instanceof Verdict.Ok ? new Verdict.Retryable(settings.transport().maxBackoff(), "Mirakl answered no import_id") : v);
    }

    /** OF04: an offer import created at or after {@code since} that is not one of {@code known}. */
    private Optional<String> importSince(MiraklClient.Session session, Instant since, Set<String> known) {
        JsonNode root = read(session, "/api/offers/imports", session.query(), "listing imports (OF04)");
        for (JsonNode i : root.path("data")) {
            String id = WireJson.text(i, "import_id");
            Instant created = instant(WireJson.text(i, "date_created"));
            if (id != null && !known.contains(id) && created != null && !created.isBefore(since)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads every import of the job: while one is still running (or Mirakl says "not this minute") the job stays
     * Pending. A FAILED import rejects all its SKUs with {@code reason_status}; a COMPLETE one with an error report
     * rejects the SKUs the report lists with its {@code error-message}; every other item is accepted.
     */
    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        MiraklClient.Session session = client.session(account);
        Map<String, Verdict> bySku = new HashMap<>();
        for (PendingJob.Submission s : job.submissions()) {
            boolean offers = s.kind().equals(OFFER_IMPORT);
            String path = (offers ? "/api/offers/imports/" : "/api/products/imports/") + Query.encode(s.jobId());
            WireResponse r;
            try {
                r = session.send(HttpMethod.GET, path, session.query(), null, null);
            } catch (WireFailure | MissingCredential e) {
                return pending(job, settings.transport().maxBackoff());
            }
            if (r.status() == 404) {
                // Mirakl does not know the import: waiting will not help, the items are sent again
                return job.items().stream().<PushOutcome>map(i -> new PushOutcome.RetryLater(i.listingId(),
                        settings.transport().backoff(1), "Mirakl does not know import " + s.jobId() + "; sending again")).toList();
            }
            Verdict v = errors.classify(r);
            if (v instanceof Verdict.Retryable retry) {
                return pending(job, retry.delay());
            }
            if (v instanceof Verdict.Permanent) {
                s.skus().forEach(sku -> bySku.putIfAbsent(sku, v));
                continue;
            }
            JsonNode status = WireJson.tree(r.body());
            String state = String.valueOf(WireJson.text(status, offers ? "status" : "import_status"));
            if (RUNNING.contains(state)) {
                return pending(job, settings.importPollAfter());
            }
            if (!state.equals("COMPLETE")) {
                String reason = WireJson.text(status, "reason_status");
                s.skus().forEach(sku -> bySku.putIfAbsent(sku, new Verdict.Permanent("IMPORT_" + state,
                        "Mirakl import " + s.jobId() + " " + state + (reason == null ? "" : ": " + reason))));
                continue;
            }
            if (status.path("has_error_report").asBoolean(false)) {
                Map<String, String> failed;
                try {
                    failed = errorReport(session, path + "/error_report");
                } catch (WireFailure e) {
                    return pending(job, settings.transport().maxBackoff());
                } catch (ChannelReadFailed e) {
                    return pending(job, e.retryAfter());
                }
                String code = offers ? "OF03" : "P44";
                failed.forEach((sku, message) -> bySku.putIfAbsent(sku, new Verdict.Permanent(code, message)));
            }
        }
        List<PushOutcome> out = new ArrayList<>();
        for (PendingJob.Item item : job.items()) {
            Verdict v = bySku.get(item.sku());
            if (v instanceof Verdict.Permanent p) {
                out.add(new PushOutcome.Rejected(item.listingId(), p.code(), p.message()));
            } else {
                out.add(new PushOutcome.Accepted(item.listingId(), item.fields()));
            }
        }
        return out;
    }

    /** The job stays Pending, to be polled again after {@code delay} (never re-sent while Mirakl may still apply it). */
    private static List<PushOutcome> pending(PendingJob job, Duration delay) {
        PendingJob again = job.pollAgainAfter(delay);
        return job.items().stream().<PushOutcome>map(i -> new PushOutcome.Pending(i.listingId(), again)).toList();
    }

    /** An error report (OF03/P44): the failing lines as uploaded plus a message column, by SKU. */
    private Map<String, String> errorReport(MiraklClient.Session session, String path) {
        WireResponse r = session.send(HttpMethod.GET, path, session.query(), null, null);
        if (r.status() == 404) {
            return Map.of();
        }
        Verdict v = errors.classify(r);
        if (!(v instanceof Verdict.Ok)) {
            throw new ChannelReadFailed("Mirakl error report: HTTP " + r.status(), settings.throttleBackoff());
        }
        return failedLines(r.bodyText());
    }

    /** SKU → message from an error report's CSV ({@code sku} or {@code shop_sku}; {@code error-message}, {@code error} or the last column). */
    static Map<String, String> failedLines(String csv) {
        List<List<String>> rows = MiraklPayloads.parse(csv);
        Map<String, String> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = rows.get(0);
        int sku = header.indexOf("sku") >= 0 ? header.indexOf("sku") : header.indexOf("shop_sku");
        int message = header.indexOf("error-message") >= 0 ? header.indexOf("error-message")
                : header.indexOf("error") >= 0 ? header.indexOf("error") : header.size() - 1;
        if (sku < 0) {
            return out;
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > sku) {
                String text = row.size() > message ? row.get(message) : "";
                out.merge(row.get(sku), text.isBlank() ? "Mirakl reported the line as failed" : text, (a, b) -> a + "; " + b);
            }
        }
        return out;
    }

    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        MiraklClient.Session session = client.session(account);
        int offset = pageCursor == null ? 0 : Integer.parseInt(pageCursor);
        JsonNode root = read(session, "/api/offers", session.query().add("offset", offset).add("max", settings.offersPageSize()), "listing offers (OF21)");
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode o : root.path("offers")) {
            String ean = null;
            for (JsonNode ref : o.path("product_references")) {
                if ("EAN".equalsIgnoreCase(WireJson.text(ref, "reference_type"))) {
                    ean = WireJson.text(ref, "reference");
                }
            }
            offers.add(new ChannelOffer(WireJson.text(o, "shop_sku"), ean, WireJson.text(o, "offer_id"),
                    o.hasNonNull("price") ? o.get("price").decimalValue() : null, WireJson.text(o, "currency_iso_code"),
                    o.hasNonNull("quantity") ? o.get("quantity").asInt() : null, WireJson.text(o, "product_title")));
        }
        int total = root.path("total_count").asInt(offset + offers.size());
        return new OfferPage(offers, !offers.isEmpty() && offset + offers.size() < total ? Integer.toString(offset + offers.size()) : null);
    }

    /**
     * OR11 orders updated since the cursor. The window's end is fixed for all its pages ({@code pageToken} =
     * {@code <offset>|<end>}); the next window starts at the latest {@code last_updated_date} seen. Mirakl allows
     * OR11 once a minute: a 429 becomes a {@link ChannelReadFailed} with its wait.
     */
    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        MiraklClient.Session session = client.session(account);
        int offset = 0;
        String end = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        if (cursor.pageToken() != null) {
            String[] parts = cursor.pageToken().split("\\|");
            offset = Integer.parseInt(parts[0]);
            end = parts[1];
        }
        String start = DateTimeFormatter.ISO_INSTANT.format(cursor.changedSince().truncatedTo(ChronoUnit.SECONDS));
        JsonNode root = read(session, "/api/orders", session.query().add("start_update_date", start).add("end_update_date", end)
                .add("offset", offset).add("max", settings.ordersPageSize()), "reading orders (OR11)");
        List<ChannelOrder> orders = new ArrayList<>();
        Instant latest = cursor.changedSince();
        for (JsonNode o : root.path("orders")) {
            ChannelOrder order = order(o);
            orders.add(order);
            if (order.changedAt().isAfter(latest)) {
                latest = order.changedAt();
            }
        }
        int total = root.path("total_count").asInt(offset + orders.size());
        boolean more = !orders.isEmpty() && offset + orders.size() < total;
        return new OrderPage(orders, more ? new OrderCursor(cursor.changedSince(), (offset + orders.size()) + "|" + end) : OrderCursor.since(latest), more);
    }

    /** One order; lines carry quantities. Stock is reserved from STAGING/WAITING_ACCEPTANCE on; REFUSED counts as cancelled. */
    static ChannelOrder order(JsonNode o) {
        String state = String.valueOf(WireJson.text(o, "order_state"));
        boolean orderCancelled = state.equals("CANCELED") || state.equals("REFUSED");
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode l : o.path("order_lines")) {
            String lineState = String.valueOf(WireJson.text(l, "order_line_state"));
            boolean cancelled = orderCancelled || lineState.equals("CANCELED") || lineState.equals("REFUSED");
            BigDecimal unit = l.hasNonNull("price_unit") ? l.get("price_unit").decimalValue() : null;
            lines.add(new OrderLine(WireJson.text(l, "order_line_id"), WireJson.text(l, "offer_sku"), l.path("quantity").asInt(0), unit, cancelled));
        }
        ChannelOrder.OrderState s = orderCancelled ? ChannelOrder.OrderState.CANCELLED
                : Set.of("SHIPPED", "TO_COLLECT", "RECEIVED", "CLOSED").contains(state) ? ChannelOrder.OrderState.SHIPPED
                : ChannelOrder.OrderState.OPEN;
        Instant changed = instant(WireJson.text(o, "last_updated_date"));
        return new ChannelOrder(WireJson.text(o, "order_id"), s, changed == null ? Instant.EPOCH : changed, WireJson.text(o, "currency_iso_code"), lines);
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : java.time.OffsetDateTime.parse(iso).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JsonNode read(MiraklClient.Session session, String path, Query query, String what) {
        return WireJson.tree(ChannelReads.read("Mirakl " + what, settings.transport().maxBackoff(),
                () -> session.send(HttpMethod.GET, path, query, null, null),
                r -> errors.classify(r), MiraklErrors::message).body());
    }

    /** The MMP seller API has no webhooks (orders are polled with OR11), so nothing posted to us is genuine. */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        return Optional.empty();
    }
}
