package dev.omnisync.channel.kaufland;

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
import dev.omnisync.channel.wire.ChannelReads;
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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Kaufland: price and quantity through {@code units/bulk} (≤150 units per call, never the same {@code id_unit} twice
 * in one call, prices in cents), GPSR through {@code PATCH /v2/product-data} (by EAN), orders from
 * {@code /v2/order-units} (one unit per piece, grouped into orders by {@code id_order}). Synchronous: no polling.
 */
@Component
public class KauflandConnector implements ChannelConnector {

    private static final Set<FieldKey> UNIT_FIELDS = EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY);
    private static final Map<String, String> LOCALES = Map.of("de", "de-DE", "cz", "cs-CZ", "sk", "sk-SK", "pl", "pl-PL",
            "at", "de-AT", "fr", "fr-FR", "it", "it-IT");

    private final ChannelSettings channelSettings;
    private final KauflandSettings settings;
    private final KauflandClient client;
    private final KauflandErrors errors;
    private final Clock clock;

    @Autowired
    public KauflandConnector(ChannelSettings channelSettings, KauflandSettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public KauflandConnector(ChannelSettings channelSettings, KauflandSettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.clock = clock;
        this.client = new KauflandClient(settings, clock);
        this.errors = new KauflandErrors(settings);
    }

    @Override
    public Channel channel() {
        return Channel.KAUFLAND;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.KAUFLAND);
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        KauflandClient.Session session = client.session(account);
        OutcomeTally tally = new OutcomeTally(updates);
        List<ItemUpdate> unitUpdates = new ArrayList<>();
        for (ItemUpdate u : updates) {
            if (u.fields().stream().noneMatch(UNIT_FIELDS::contains)) {
                continue;
            }
            if (unitId(u) == null) {
                tally.rejected(u.listingId(), "MISSING_UNIT", "no Kaufland id_unit (channelRef) for SKU " + u.sku());
            } else if (u.sends(FieldKey.PRICE) && (u.values().price() == null || u.values().price().signum() <= 0)) {
                tally.rejected(u.listingId(), "INVALID_PRICE", "listing_price must be greater than 0");
            } else {
                unitUpdates.add(u);
            }
        }
        try {
            for (List<ItemUpdate> chunk : chunks(unitUpdates, limits().batchSize())) {
                sendUnits(session, chunk, tally);
            }
            for (ItemUpdate u : updates) {
                if (u.sends(FieldKey.GPSR) && !tally.hasFailed(u.listingId())) {
                    sendGpsr(session, u, tally);
                }
            }
        } catch (MissingCredential e) {
            updates.forEach(u -> tally.retryLater(u.listingId(), settings.transport().maxBackoff(), e.getMessage()));
        }
        return new PushResult(tally.outcomes(), session.calls());
    }

    /** Splits into calls of at most {@code max} units, a unit id at most once per call (Kaufland fails the whole call otherwise). */
    static List<List<ItemUpdate>> chunks(List<ItemUpdate> updates, int max) {
        List<List<ItemUpdate>> chunks = new ArrayList<>();
        List<Set<Long>> ids = new ArrayList<>();
        for (ItemUpdate u : updates) {
            long id = unitId(u);
            int target = -1;
            for (int i = 0; i < chunks.size(); i++) {
                if (chunks.get(i).size() < max && !ids.get(i).contains(id)) {
                    target = i;
                    break;
                }
            }
            if (target < 0) {
                chunks.add(new ArrayList<>());
                ids.add(new HashSet<>());
                target = chunks.size() - 1;
            }
            chunks.get(target).add(u);
            ids.get(target).add(id);
        }
        return chunks;
    }

    static KauflandPayloads.BulkUnit bulkUnit(ItemUpdate u) {
        Integer amount = u.sends(FieldKey.QUANTITY) ? u.values().quantity() : null;
        Integer price = u.sends(FieldKey.PRICE) ? cents(u.values().price()) : null;
        return new KauflandPayloads.BulkUnit(unitId(u), new KauflandPayloads.UnitData(amount, price));
    }

    static Integer cents(BigDecimal price) {
        return price == null ? null : price.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private void sendUnits(KauflandClient.Session session, List<ItemUpdate> chunk, OutcomeTally tally) {
        byte[] body = WireJson.write(chunk.stream().map(KauflandConnector::bulkUnit).toList());
        Map<Long, ItemUpdate> byUnit = new LinkedHashMap<>();
        chunk.forEach(u -> byUnit.put(unitId(u), u));
        WireResponse r;
        try {
            r = session.send(HttpMethod.POST, "/v2/units/bulk" + Query.of().add("storefront", session.storefront()), body);
        } catch (WireFailure e) {
            chunk.forEach(u -> tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
            return;
        }
        Verdict whole = errors.classify(session.account(), r);
        if (!(whole instanceof Verdict.Ok)) {
            chunk.forEach(u -> tally.record(u.listingId(), unitFields(u), whole));
            return;
        }
        Set<Long> answered = new HashSet<>();
        for (JsonNode entry : WireJson.tree(r.body()).path("data")) {
            long id = entry.path("id_unit").asLong(-1);
            ItemUpdate u = byUnit.get(id);
            if (u != null) {
                answered.add(id);
                tally.record(u.listingId(), unitFields(u), errors.classifyUnit(entry));
            }
        }
        for (ItemUpdate u : chunk) {
            if (!answered.contains(unitId(u))) {
                tally.retryLater(u.listingId(), settings.transport().backoff(1), "Kaufland did not report unit " + unitId(u));
            }
        }
    }

    private void sendGpsr(KauflandClient.Session session, ItemUpdate u, OutcomeTally tally) {
        OfferValues v = u.values();
        String ean = v.identifiers() == null ? null : v.identifiers().anyGtin();
        if (ean == null || v.gpsr() == null || v.gpsr().manufacturer() == null) {
            tally.rejected(u.listingId(), "GPSR_INCOMPLETE", "GPSR needs the product's EAN and a manufacturer contact (name and address)");
            return;
        }
        String locale = LOCALES.getOrDefault(session.storefront(), "de-DE");
        byte[] body = WireJson.write(productData(ean, v.gpsr()));
        try {
            WireResponse r = session.send(HttpMethod.PATCH, "/v2/product-data" + Query.of().add("locale", locale), body);
            tally.record(u.listingId(), Set.of(FieldKey.GPSR), errors.classify(session.account(), r));
        } catch (WireFailure e) {
            tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage());
        }
    }

    static KauflandPayloads.ProductData productData(String ean, OfferValues.Gpsr gpsr) {
        OfferValues.Party m = gpsr.manufacturer();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("product_safety_contact", new KauflandPayloads.SafetyContact(m.name(), m.addressLine(), m.email(), m.phone(), m.url()));
        attributes.put("manufacturer", List.of(m.name()));
        if (gpsr.responsiblePerson() != null) {
            OfferValues.Party p = gpsr.responsiblePerson();
            attributes.put("eu_responsible_person", new KauflandPayloads.SafetyContact(p.name(), p.addressLine(), p.email(), p.phone(), p.url()));
        }
        if (!gpsr.safetyStatements().isEmpty()) {
            attributes.put("safety_information", gpsr.safetyStatements());
        }
        return new KauflandPayloads.ProductData(List.of(ean), attributes);
    }

    private static Set<FieldKey> unitFields(ItemUpdate u) {
        Set<FieldKey> f = EnumSet.noneOf(FieldKey.class);
        u.fields().stream().filter(UNIT_FIELDS::contains).forEach(f::add);
        return f;
    }

    private static Long unitId(ItemUpdate u) {
        try {
            return u.channelRef() == null ? null : Long.parseLong(u.channelRef().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        return List.of();
    }

    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        KauflandClient.Session session = client.session(account);
        int offset = pageCursor == null ? 0 : Integer.parseInt(pageCursor);
        int limit = settings.offersPageSize();
        WireResponse r = read(session, "/v2/units" + Query.of().add("storefront", session.storefront())
                .add("limit", limit).add("offset", offset).add("embedded", "products"), "listing units");
        JsonNode root = WireJson.tree(r.body());
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode unit : root.path("data")) {
            JsonNode product = unit.path("product");
            JsonNode eans = product.path("eans");
            String ean = eans.isArray() && !eans.isEmpty() ? eans.get(0).asString() : WireJson.text(unit, "ean");
            Integer cents = unit.hasNonNull("listing_price") ? unit.get("listing_price").asInt() : null;
            offers.add(new ChannelOffer(WireJson.text(unit, "id_offer"), ean, WireJson.text(unit, "id_unit"),
                    cents == null ? null : BigDecimal.valueOf(cents, 2), WireJson.text(unit, "currency"),
                    unit.hasNonNull("amount") ? unit.get("amount").asInt() : null, WireJson.text(product, "title")));
        }
        int total = root.path("pagination").path("total").asInt(offset + offers.size());
        boolean more = !offers.isEmpty() && offset + offers.size() < total;
        return new OfferPage(offers, more ? Integer.toString(offset + offers.size()) : null);
    }

    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        KauflandClient.Session session = client.session(account);
        int offset = cursor.pageToken() == null ? 0 : Integer.parseInt(cursor.pageToken());
        int limit = settings.ordersPageSize();
        String since = DateTimeFormatter.ISO_INSTANT.format(cursor.changedSince().truncatedTo(ChronoUnit.SECONDS));
        WireResponse r = read(session, "/v2/order-units" + Query.of().add("storefront", session.storefront())
                .add("ts_updated_from_iso", since).add("sort", "ts_updated:desc").add("limit", limit).add("offset", offset),
                "reading order units");
        JsonNode root = WireJson.tree(r.body());
        Map<String, List<JsonNode>> byOrder = new LinkedHashMap<>();
        int count = 0;
        Instant latest = cursor.changedSince();
        for (JsonNode unit : root.path("data")) {
            count++;
            byOrder.computeIfAbsent(WireJson.text(unit, "id_order"), k -> new ArrayList<>()).add(unit);
            Instant updated = instant(WireJson.text(unit, "ts_updated_iso"));
            if (updated != null && updated.isAfter(latest)) {
                latest = updated;
            }
        }
        List<ChannelOrder> orders = new ArrayList<>();
        byOrder.forEach((id, units) -> orders.add(order(id, units)));
        int total = root.path("pagination").path("total").asInt(offset + count);
        boolean more = count > 0 && offset + count < total;
        OrderCursor next = more ? new OrderCursor(cursor.changedSince(), Integer.toString(offset + count)) : OrderCursor.since(latest);
        return new OrderPage(orders, next, more);
    }

    static ChannelOrder order(String orderId, List<JsonNode> units) {
        List<OrderLine> lines = new ArrayList<>();
        Instant changed = Instant.EPOCH;
        String currency = null;
        int cancelled = 0, shipped = 0, returned = 0;
        for (JsonNode u : units) {
            String status = String.valueOf(WireJson.text(u, "status")).toLowerCase(Locale.ROOT);
            boolean isCancelled = status.equals("cancelled");
            cancelled += isCancelled ? 1 : 0;
            shipped += status.startsWith("sent") || status.equals("received") ? 1 : 0;
            returned += status.startsWith("returned") ? 1 : 0;
            Integer cents = u.hasNonNull("price") ? u.get("price").asInt() : null;
            lines.add(new OrderLine(WireJson.text(u, "id_order_unit"), WireJson.text(u, "id_offer"), 1,
                    cents == null ? null : BigDecimal.valueOf(cents, 2), isCancelled));
            currency = currency == null ? WireJson.text(u, "currency") : currency;
            Instant updated = instant(WireJson.text(u, "ts_updated_iso"));
            if (updated != null && updated.isAfter(changed)) {
                changed = updated;
            }
        }
        int n = units.size();
        ChannelOrder.OrderState state = cancelled == n ? ChannelOrder.OrderState.CANCELLED
                : returned == n ? ChannelOrder.OrderState.RETURNED
                : shipped + cancelled + returned == n && shipped > 0 ? ChannelOrder.OrderState.SHIPPED
                : ChannelOrder.OrderState.OPEN;
        return new ChannelOrder(orderId, state, changed, currency, lines);
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private WireResponse read(KauflandClient.Session session, String pathAndQuery, String what) {
        return ChannelReads.read("Kaufland " + what, settings.transport().maxBackoff(),
                () -> session.send(HttpMethod.GET, pathAndQuery, null),
                r -> errors.classify(session.account(), r), KauflandErrors::message);
    }

    /**
     * Kaufland signs deliveries like requests: HMAC-SHA256 over {@code POST\n<callback URL>\n<body>\n<Shop-Timestamp>}
     * with the seller's secret key. The callback URL is the account's {@code callbackUrl} credential when set, else
     * {@code <webhookBaseUrl>/webhooks/kaufland/<accountId>}.
     */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        String timestamp = header(headers, "Shop-Timestamp");
        String signature = header(headers, "Shop-Signature");
        if (timestamp == null || signature == null) {
            return Optional.empty();
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Duration.between(Instant.ofEpochSecond(ts), clock.instant()).abs().compareTo(settings.clockSkew()) > 0) {
            return Optional.empty();
        }
        String callback = account.credentialOr("callbackUrl", settings.webhookBaseUrl() + "/webhooks/kaufland/" + account.accountId());
        String secret = account.credentialOr(KauflandClient.SECRET_KEY, null);
        if (secret == null) {
            return Optional.empty();
        }
        String expectedHex = KauflandClient.sign(secret, "POST", callback, body, ts);
        String expectedB64 = Base64.getEncoder().encodeToString(KauflandClient.hmacSha256(secret,
                "POST\n" + callback + "\n" + new String(body, StandardCharsets.UTF_8) + "\n" + ts));
        String given = signature.strip();
        boolean ok = MessageDigest.isEqual(given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), expectedHex.getBytes(StandardCharsets.UTF_8))
                || MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedB64.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            return Optional.empty();
        }
        JsonNode n = WireJson.tree(body);
        return Optional.of(new ChannelNotification(WireJson.text(n, "id_message"), WireJson.text(n, "event_name"),
                WireJson.text(n.path("payload"), "id_order")));
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
