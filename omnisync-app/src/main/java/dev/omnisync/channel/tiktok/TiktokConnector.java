package dev.omnisync.channel.tiktok;

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
import dev.omnisync.channel.wire.PerProductPush;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireFailure;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import dev.omnisync.channel.wire.WireSigning;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * TikTok Shop: stock, price and content per <em>product</em> — all updates for the SKUs of one product go in one
 * inventory call, one price call and one {@code partial_edit} call (the product id is in the path). An offer's
 * channel ref is {@code <product_id>/<sku_id>} (as {@link #listOffers} reports it); a bare SKU id is combined with
 * {@link ItemUpdate#productRef()} as the product id. Synchronous: per-SKU errors come inside {@code code: 0} answers.
 * GPSR parties are registered once through the compliance API and referenced by id (cached per account).
 */
@Component
public class TiktokConnector implements ChannelConnector {

    static final String INVENTORY = "/product/202309/products/%s/inventory/update";
    static final String PRICES = "/product/202309/products/%s/prices/update";
    static final String PARTIAL_EDIT = "/product/202309/products/%s/partial_edit";
    private static final Set<FieldKey> CONTENT = EnumSet.of(FieldKey.TITLE, FieldKey.DESCRIPTION, FieldKey.IMAGES,
            FieldKey.CATEGORIES, FieldKey.GPSR);

    private final ChannelSettings channelSettings;
    private final TiktokSettings settings;
    private final TiktokClient client;
    private final TiktokErrors errors;
    /** GPSR party (account, kind, identity) → TikTok's id, so a party is registered once. */
    private final Map<String, String> partyIds = new ConcurrentHashMap<>();

    @Autowired
    public TiktokConnector(ChannelSettings channelSettings, TiktokSettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public TiktokConnector(ChannelSettings channelSettings, TiktokSettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.client = new TiktokClient(settings, clock);
        this.errors = new TiktokErrors(settings);
    }

    @Override
    public Channel channel() {
        return Channel.TIKTOK_SHOP;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.TIKTOK_SHOP);
    }

    /** A TikTok product id and SKU id. */
    record Ref(String productId, String skuId) {
    }

    /** The item's product and SKU ids, or null when they cannot be told. */
    static Ref ref(ItemUpdate u) {
        String ref = u.channelRef() == null ? "" : u.channelRef().strip();
        int slash = ref.indexOf('/');
        if (slash > 0 && slash < ref.length() - 1) {
            return new Ref(ref.substring(0, slash), ref.substring(slash + 1));
        }
        if (!ref.isEmpty() && u.productRef() != null && u.productRef().strip().matches("\\d+")) {
            return new Ref(u.productRef().strip(), ref);
        }
        return null;
    }

    /** Groups items by their TikTok product, keeping the order of first appearance. */
    static Map<String, List<ItemUpdate>> byProduct(List<ItemUpdate> updates) {
        return PerProductPush.group(updates, TiktokConnector::productId);
    }

    private static String productId(ItemUpdate u) {
        Ref r = ref(u);
        return r == null ? null : r.productId();
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        TiktokClient.Session session = client.session(account);
        OutcomeTally tally = new PerProductPush<String>(TiktokConnector::productId,
                u -> "no TikTok Shop product/SKU id (channelRef '<product_id>/<sku_id>') for SKU " + u.sku(), CONTENT)
                .push(updates, settings.transport().maxBackoff(), new PerProductPush.ProductCalls<>() {
                    @Override
                    public void stock(String productId, List<ItemUpdate> stock, OutcomeTally t) {
                        sendSkus(session, INVENTORY.formatted(productId), WireJson.write(inventory(stock, account, settings.maxQuantity())),
                                stock, Set.of(FieldKey.QUANTITY), t);
                    }

                    @Override
                    public void prices(String productId, List<ItemUpdate> prices, OutcomeTally t) {
                        sendSkus(session, PRICES.formatted(productId), WireJson.write(TiktokConnector.prices(prices, account.currency())),
                                prices, Set.of(FieldKey.PRICE), t);
                    }

                    @Override
                    public void content(String productId, List<ItemUpdate> content, OutcomeTally t) {
                        sendContent(session, productId, content, t);
                    }
                });
        return new PushResult(tally.outcomes(), session.calls());
    }

    static TiktokPayloads.InventoryUpdate inventory(List<ItemUpdate> items, ConnectorAccount account, int maxQuantity) {
        String warehouse = account.credentialOr("warehouseId", null);
        return new TiktokPayloads.InventoryUpdate(items.stream().map(u -> new TiktokPayloads.InventorySku(ref(u).skuId(),
                List.of(new TiktokPayloads.Warehouse(warehouse, Math.max(0, Math.min(maxQuantity, u.values().quantity())))))).toList());
    }

    static TiktokPayloads.PriceUpdate prices(List<ItemUpdate> items, String accountCurrency) {
        return new TiktokPayloads.PriceUpdate(items.stream().map(u -> new TiktokPayloads.PriceSku(ref(u).skuId(),
                new TiktokPayloads.Money(u.values().price().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        u.values().currency() != null ? u.values().currency() : accountCurrency))).toList());
    }

    /** One product-level call; its verdict applies to every item, then per-SKU errors override it. */
    private void sendSkus(TiktokClient.Session session, String path, byte[] body, List<ItemUpdate> items, Set<FieldKey> fields,
            OutcomeTally tally) {
        WireResponse r;
        try {
            r = session.send(HttpMethod.POST, path, Map.of(), body);
        } catch (WireFailure e) {
            items.forEach(u -> tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
            return;
        }
        Verdict whole = errors.classify(session.account().accountId(), r);
        if (!(whole instanceof Verdict.Ok)) {
            Verdict v = whole.authExpiredAsRetryable(settings.transport().maxBackoff());
            items.forEach(u -> tally.record(u.listingId(), fields, v));
            return;
        }
        Map<String, Verdict> perSku = TiktokErrors.skuErrors(r);
        items.forEach(u -> tally.record(u.listingId(), fields, perSku.getOrDefault(ref(u).skuId(), Verdict.OK)));
    }

    private void sendContent(TiktokClient.Session session, String productId, List<ItemUpdate> items, OutcomeTally tally) {
        Set<FieldKey> fields = EnumSet.noneOf(FieldKey.class);
        items.forEach(u -> u.fields().stream().filter(CONTENT::contains).forEach(fields::add));
        TiktokPayloads.PartialEdit edit;
        try {
            edit = partialEdit(items, gpsr -> partyIds(session, gpsr));
        } catch (IllegalArgumentException e) {
            items.forEach(u -> tally.rejected(u.listingId(), "INVALID_CONTENT", e.getMessage()));
            return;
        } catch (WireFailure e) {
            items.forEach(u -> tally.retryLater(u.listingId(), settings.transport().maxBackoff(), e.getMessage()));
            return;
        } catch (PartyRefused e) {
            items.forEach(u -> tally.record(u.listingId(), Set.of(FieldKey.GPSR), e.verdict));
            return;
        }
        if (edit.isEmpty()) {
            items.forEach(u -> tally.accepted(u.listingId(), fields));
            return;
        }
        sendSkus(session, PARTIAL_EDIT.formatted(productId), WireJson.write(edit), items, fields, tally);
    }

    /**
     * The product's partial edit: content is per product, so the first item carrying a field decides it. GPSR
     * parties become TikTok ids through {@code gpsrIds} (manufacturer ids, responsible person ids).
     */
    static TiktokPayloads.PartialEdit partialEdit(List<ItemUpdate> items, Function<OfferValues.Gpsr, List<List<String>>> gpsrIds) {
        String title = PerProductPush.firstSent(items, FieldKey.TITLE, OfferValues::title);
        String description = PerProductPush.firstSent(items, FieldKey.DESCRIPTION, OfferValues::description);
        List<String> images = PerProductPush.firstSent(items, FieldKey.IMAGES, v -> v.images().isEmpty() ? null : v.images());
        String category = PerProductPush.firstSent(items, FieldKey.CATEGORIES, OfferValues::category);
        OfferValues.Gpsr gpsr = PerProductPush.firstSent(items, FieldKey.GPSR, OfferValues::gpsr);
        if (title != null && (title.isBlank() || title.length() > 255)) {
            throw new IllegalArgumentException("TikTok Shop titles have 1 to 255 characters; this one has " + title.length());
        }
        List<List<String>> ids = gpsr == null ? null : gpsrIds.apply(gpsr);
        return new TiktokPayloads.PartialEdit(title, description,
                images == null ? null : images.stream().limit(9).map(TiktokPayloads.Image::new).toList(), category,
                ids == null || ids.get(0).isEmpty() ? null : ids.get(0), ids == null || ids.get(1).isEmpty() ? null : ids.get(1));
    }

    /** A GPSR party TikTok refused to register. */
    private static final class PartyRefused extends RuntimeException {
        final transient Verdict verdict;

        PartyRefused(Verdict verdict) {
            super(verdict.toString());
            this.verdict = verdict;
        }
    }

    /** [manufacturer ids, responsible person ids], registering parties TikTok does not know yet. */
    private List<List<String>> partyIds(TiktokClient.Session session, OfferValues.Gpsr gpsr) {
        List<String> manufacturers = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        if (gpsr.manufacturer() != null) {
            OfferValues.Party m = gpsr.manufacturer();
            manufacturers.add(partyId(session, "manufacturer", m, "/product/202409/compliance/manufacturers",
                    new TiktokPayloads.Manufacturer(m.name(), m.email(), phone(m.phone()), m.addressLine()), "manufacturer_id"));
        }
        if (gpsr.responsiblePerson() != null) {
            OfferValues.Party p = gpsr.responsiblePerson();
            persons.add(partyId(session, "responsible_person", p, "/product/202409/compliance/responsible_persons",
                    new TiktokPayloads.ResponsiblePerson(p.name(), p.email(), phone(p.phone()),
                            new TiktokPayloads.Address(p.street(), p.postalCode(), p.city(), p.country())), "responsible_person_id"));
        }
        return List.of(manufacturers, persons);
    }

    private String partyId(TiktokClient.Session session, String kind, OfferValues.Party party, String path, Object body, String idField) {
        String key = session.account().accountId() + "|" + kind + "|" + party;
        String known = partyIds.get(key);
        if (known != null) {
            return known;
        }
        WireResponse r = session.send(HttpMethod.POST, path, Map.of(), WireJson.write(body));
        Verdict v = errors.classify(session.account().accountId(), r);
        String id = WireJson.text(WireJson.tree(r.body()).path("data"), idField);
        if (!(v instanceof Verdict.Ok) || id == null) {
            throw new PartyRefused(v instanceof Verdict.Ok ? new Verdict.Retryable(settings.transport().maxBackoff(), "no " + idField) : v);
        }
        partyIds.put(key, id);
        return id;
    }

    private static TiktokPayloads.Phone phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.replaceAll("[\\s()-]", "");
        if (p.startsWith("+") && p.length() > 3) {
            return new TiktokPayloads.Phone(p.substring(0, 3), p.substring(3));
        }
        return new TiktokPayloads.Phone(null, p);
    }

    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        return List.of();
    }

    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        TiktokClient.Session session = client.session(account);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("page_size", String.valueOf(settings.pageSize()));
        if (pageCursor != null) {
            q.put("page_token", pageCursor);
        }
        JsonNode data = read(session, "/product/202309/products/search", q, "{}".getBytes(StandardCharsets.UTF_8), "listing products").path("data");
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode p : data.path("products")) {
            String productId = WireJson.text(p, "id");
            for (JsonNode s : p.path("skus")) {
                JsonNode price = s.path("price");
                String amount = WireJson.text(price, "sale_price") != null ? WireJson.text(price, "sale_price") : WireJson.text(price, "tax_exclusive_price");
                Integer quantity = null;
                for (JsonNode w : s.path("inventory")) {
                    quantity = (quantity == null ? 0 : quantity) + w.path("quantity").asInt(0);
                }
                String gtin = WireJson.text(s.path("identifier_code"), "code");
                offers.add(new ChannelOffer(WireJson.text(s, "seller_sku"), gtin, productId + "/" + WireJson.text(s, "id"),
                        amount == null ? null : new BigDecimal(amount), WireJson.text(price, "currency"), quantity, WireJson.text(p, "title")));
            }
        }
        String next = WireJson.text(data, "next_page_token");
        return new OfferPage(offers, next == null || next.isEmpty() ? null : next);
    }

    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        TiktokClient.Session session = client.session(account);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("page_size", String.valueOf(settings.pageSize()));
        q.put("sort_field", "update_time");
        q.put("sort_order", "ASC");
        if (cursor.pageToken() != null) {
            q.put("page_token", cursor.pageToken());
        }
        byte[] body = WireJson.write(new TiktokPayloads.OrderSearch(cursor.changedSince().getEpochSecond()));
        JsonNode data = read(session, "/order/202309/orders/search", q, body, "searching orders").path("data");
        List<ChannelOrder> orders = new ArrayList<>();
        Instant latest = cursor.changedSince();
        for (JsonNode o : data.path("orders")) {
            ChannelOrder order = order(o);
            orders.add(order);
            if (order.changedAt().isAfter(latest)) {
                latest = order.changedAt();
            }
        }
        String next = WireJson.text(data, "next_page_token");
        boolean more = next != null && !next.isEmpty() && !orders.isEmpty();
        return new OrderPage(orders, more ? new OrderCursor(cursor.changedSince(), next) : OrderCursor.since(latest), more);
    }

    /** One order; TikTok lists one line item per unit, cancellations per line ({@code display_status}) or order. */
    static ChannelOrder order(JsonNode o) {
        String status = String.valueOf(WireJson.text(o, "status"));
        boolean orderCancelled = status.equals("CANCELLED");
        List<OrderLine> lines = new ArrayList<>();
        int cancelled = 0;
        for (JsonNode l : o.path("line_items")) {
            boolean lineCancelled = orderCancelled || "CANCELLED".equals(WireJson.text(l, "display_status"));
            cancelled += lineCancelled ? 1 : 0;
            String price = WireJson.text(l, "sale_price");
            lines.add(new OrderLine(WireJson.text(l, "id"), WireJson.text(l, "seller_sku"), 1, price == null ? null : new BigDecimal(price),
                    lineCancelled));
        }
        ChannelOrder.OrderState state = orderCancelled || (!lines.isEmpty() && cancelled == lines.size()) ? ChannelOrder.OrderState.CANCELLED
                : Set.of("IN_TRANSIT", "DELIVERED", "COMPLETED").contains(status) ? ChannelOrder.OrderState.SHIPPED
                : ChannelOrder.OrderState.OPEN;
        String currency = WireJson.text(o.path("payment"), "currency");
        return new ChannelOrder(WireJson.text(o, "id"), state, Instant.ofEpochSecond(o.path("update_time").asLong(0)), currency, lines);
    }

    private JsonNode read(TiktokClient.Session session, String path, Map<String, String> query, byte[] body, String what) {
        return WireJson.tree(ChannelReads.read("TikTok Shop " + what, settings.transport().maxBackoff(),
                () -> session.send(HttpMethod.POST, path, query, body),
                r -> errors.classify(session.account().accountId(), r), TiktokErrors::message).body());
    }

    /**
     * TikTok signs webhooks with {@code Authorization} = hex HMAC-SHA256(app_secret, app_key + raw body). Types: 1
     * {@code ORDER_STATUS_CHANGE}, 11 {@code CANCELLATION_STATUS_CHANGE}.
     */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        String given = WireSigning.header(headers, "Authorization");
        if (given == null || body == null || account.credentialOr(TiktokClient.APP_KEY, null) == null
                || account.credentialOr(TiktokClient.APP_SECRET, null) == null) {
            return Optional.empty();
        }
        byte[] appKey = account.credential(TiktokClient.APP_KEY).getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[appKey.length + body.length];
        System.arraycopy(appKey, 0, signed, 0, appKey.length);
        System.arraycopy(body, 0, signed, appKey.length, body.length);
        if (!WireSigning.sameHex(WireSigning.hmacSha256Hex(account.credential(TiktokClient.APP_SECRET), signed), given)) {
            return Optional.empty();
        }
        JsonNode n = WireJson.tree(body);
        int type = n.path("type").asInt(0);
        String topic = type == 1 ? "ORDER_STATUS_CHANGE" : type == 11 ? "CANCELLATION_STATUS_CHANGE" : "TYPE_" + type;
        return Optional.of(new ChannelNotification(WireJson.text(n, "tts_notification_id"), topic, WireJson.text(n.path("data"), "order_id")));
    }
}
