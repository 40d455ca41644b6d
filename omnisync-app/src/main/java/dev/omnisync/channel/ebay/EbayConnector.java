package dev.omnisync.channel.ebay;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * eBay: price and quantity through {@code bulk_update_price_quantity} (≤25 SKUs per call; a whole-request 400 is
 * retried item by item so one bad item cannot sink its neighbours), content by reading and re-writing the inventory
 * item and the offer (their PUTs replace the whole object), fitment through product compatibility. Orders from the
 * Fulfillment API filtered by {@code lastmodifieddate}. The 250 revisions per listing per day are exposed in
 * {@link #limits()} for the dispatcher to budget.
 */
@Component
public class EbayConnector implements ChannelConnector {

    static final String INVENTORY = "/sell/inventory/v1";
    static final Set<FieldKey> ITEM_FIELDS = EnumSet.of(FieldKey.TITLE, FieldKey.DESCRIPTION, FieldKey.IMAGES,
            FieldKey.IDENTIFIERS, FieldKey.CATEGORIES);
    static final Set<FieldKey> OFFER_FIELDS = EnumSet.of(FieldKey.CATEGORIES, FieldKey.DESCRIPTION, FieldKey.GPSR,
            FieldKey.SHIPPING_POLICY, FieldKey.RETURN_POLICY, FieldKey.OTHER);
    private static final Set<FieldKey> PRICE_QUANTITY = EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY);
    private static final DateTimeFormatter EBAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ChannelSettings channelSettings;
    private final EbaySettings settings;
    private final EbayClient client;
    private final EbayErrors errors;

    @Autowired
    public EbayConnector(ChannelSettings channelSettings, EbaySettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public EbayConnector(ChannelSettings channelSettings, EbaySettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.client = new EbayClient(settings, clock);
        this.errors = new EbayErrors(settings, clock);
    }

    @Override
    public Channel channel() {
        return Channel.EBAY;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.EBAY);
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        EbayClient.Session session = client.session(account);
        OutcomeTally tally = new OutcomeTally(updates);
        try {
            List<ItemUpdate> priceQuantity = new ArrayList<>();
            for (ItemUpdate u : updates) {
                if (u.fields().stream().anyMatch(PRICE_QUANTITY::contains)) {
                    if (u.sends(FieldKey.PRICE) && u.channelRef() == null) {
                        tally.rejected(u.listingId(), "NO_OFFER_ID", "a price needs the eBay offerId (channelRef) of SKU " + u.sku());
                    } else {
                        priceQuantity.add(u);
                    }
                }
            }
            int size = limits().batchSize();
            for (List<ItemUpdate> part : Batches.of(priceQuantity, size)) {
                sendPriceQuantity(session, part, tally, true);
            }
            for (ItemUpdate u : updates) {
                if (!tally.hasFailed(u.listingId())) {
                    sendContent(session, u, tally);
                }
            }
        } catch (CredentialsRefused | MissingCredential e) {
            updates.forEach(u -> tally.retryLater(u.listingId(), settings.transport().maxBackoff(), e.getMessage()));
        }
        return new PushResult(tally.outcomes(), session.calls());
    }

    static EbayPayloads.PriceQuantity priceQuantity(ItemUpdate u, String accountCurrency) {
        Integer quantity = u.sends(FieldKey.QUANTITY) ? u.values().quantity() : null;
        EbayPayloads.Amount price = null;
        if (u.sends(FieldKey.PRICE) && u.values().price() != null) {
            String currency = u.values().currency() != null ? u.values().currency() : accountCurrency;
            price = new EbayPayloads.Amount(u.values().price().setScale(2, RoundingMode.HALF_UP).toPlainString(), currency);
        }
        List<EbayPayloads.OfferPriceQuantity> offers = u.channelRef() == null ? null
                : List.of(new EbayPayloads.OfferPriceQuantity(u.channelRef(), quantity, price));
        return new EbayPayloads.PriceQuantity(u.sku(),
                quantity == null ? null : new EbayPayloads.ShipToLocationAvailability(quantity), offers);
    }

    private void sendPriceQuantity(EbayClient.Session session, List<ItemUpdate> batch, OutcomeTally tally, boolean mayIsolate) {
        EbayPayloads.BulkPriceQuantity body = new EbayPayloads.BulkPriceQuantity(
                batch.stream().map(u -> priceQuantity(u, session.account().currency())).toList());
        WireResponse r;
        try {
            r = session.send(HttpMethod.POST, INVENTORY + "/bulk_update_price_quantity", body, false);
        } catch (WireFailure e) {
            batch.forEach(u -> tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage()));
            return;
        }
        Verdict whole = errors.classify(session.account().accountId(), r);
        if (whole instanceof Verdict.Permanent && batch.size() > 1 && mayIsolate) {
            // a whole-request 400 names no entry: send each item alone so only the bad one is refused
            for (ItemUpdate u : batch) {
                sendPriceQuantity(session, List.of(u), tally, false);
            }
            return;
        }
        if (!(whole instanceof Verdict.Ok)) {
            batch.forEach(u -> tally.record(u.listingId(), fieldsIn(u, PRICE_QUANTITY), whole));
            return;
        }
        Map<String, List<JsonNode>> bySku = new HashMap<>();
        Map<String, String> skuByOffer = new HashMap<>();
        batch.forEach(u -> {
            if (u.channelRef() != null) {
                skuByOffer.put(u.channelRef(), u.sku());
            }
        });
        for (JsonNode entry : WireJson.tree(r.body()).path("responses")) {
            String sku = WireJson.text(entry, "sku");
            if (sku == null) {
                sku = skuByOffer.get(WireJson.text(entry, "offerId"));
            }
            if (sku != null) {
                bySku.computeIfAbsent(sku, k -> new ArrayList<>()).add(entry);
            }
        }
        for (ItemUpdate u : batch) {
            List<JsonNode> entries = bySku.get(u.sku());
            Set<FieldKey> fields = fieldsIn(u, PRICE_QUANTITY);
            if (entries == null) {
                tally.retryLater(u.listingId(), settings.transport().backoff(1), "eBay did not report SKU " + u.sku());
                continue;
            }
            Verdict worst = Verdict.OK;
            for (JsonNode e : entries) {
                Verdict v = errors.classifyEntry(e);
                if (v instanceof Verdict.Permanent || (v instanceof Verdict.Retryable && worst instanceof Verdict.Ok)) {
                    worst = v;
                }
            }
            tally.record(u.listingId(), fields, worst);
        }
    }

    private void sendContent(EbayClient.Session session, ItemUpdate u, OutcomeTally tally) {
        Set<FieldKey> itemFields = fieldsIn(u, ITEM_FIELDS);
        Set<FieldKey> offerFields = fieldsIn(u, OFFER_FIELDS);
        try {
            if (!itemFields.isEmpty()) {
                String path = INVENTORY + "/inventory_item/" + Query.encode(u.sku());
                WireResponse current = session.send(HttpMethod.GET, path, null, false);
                Verdict read = errors.classify(session.account().accountId(), current);
                if (!(read instanceof Verdict.Ok)) {
                    tally.record(u.listingId(), itemFields, read);
                    return;
                }
                ObjectNode item = inventoryItem(WireJson.tree(current.body()), u);
                WireResponse put = session.send(HttpMethod.PUT, path, WireJson.write(item), true);
                tally.record(u.listingId(), itemFields, errors.classify(session.account().accountId(), put));
            }
            if (!offerFields.isEmpty() && !tally.hasFailed(u.listingId())) {
                if (u.channelRef() == null) {
                    tally.rejected(u.listingId(), "NO_OFFER_ID", "offer fields need the eBay offerId (channelRef) of SKU " + u.sku());
                    return;
                }
                String path = INVENTORY + "/offer/" + Query.encode(u.channelRef());
                WireResponse current = session.send(HttpMethod.GET, path, null, false);
                Verdict read = errors.classify(session.account().accountId(), current);
                if (!(read instanceof Verdict.Ok)) {
                    tally.record(u.listingId(), offerFields, read);
                    return;
                }
                ObjectNode offer = offer(WireJson.tree(current.body()), u, session.account().currency());
                WireResponse put = session.send(HttpMethod.PUT, path, WireJson.write(offer), true);
                tally.record(u.listingId(), offerFields, errors.classify(session.account().accountId(), put));
            }
            if (u.sends(FieldKey.FITMENT) && !tally.hasFailed(u.listingId())) {
                String path = INVENTORY + "/inventory_item/" + Query.encode(u.sku()) + "/product_compatibility";
                WireResponse put = session.send(HttpMethod.PUT, path, compatibility(u.values().fitment()), true);
                tally.record(u.listingId(), Set.of(FieldKey.FITMENT), errors.classify(session.account().accountId(), put));
            }
        } catch (WireFailure e) {
            tally.retryLater(u.listingId(), settings.transport().backoff(settings.transport().maxAttempts()), e.getMessage());
        }
    }

    /** The inventory item as read, with the sent fields replaced (read-only fields dropped: the PUT replaces all). */
    static ObjectNode inventoryItem(JsonNode current, ItemUpdate u) {
        ObjectNode item = current.isObject() ? ((ObjectNode) current).deepCopy() : WireJson.MAPPER.createObjectNode();
        item.remove(List.of("sku", "locale", "groupIds", "inventoryItemGroupKeys"));
        ObjectNode product = item.get("product") instanceof ObjectNode p ? p : item.putObject("product");
        OfferValues v = u.values();
        if (u.sends(FieldKey.TITLE)) {
            product.put("title", v.title());
        }
        if (u.sends(FieldKey.DESCRIPTION)) {
            product.put("description", v.description());
        }
        if (u.sends(FieldKey.IMAGES)) {
            ArrayNode images = product.putArray("imageUrls");
            v.images().forEach(images::add);
        }
        if (u.sends(FieldKey.IDENTIFIERS) && v.identifiers() != null) {
            OfferValues.Identifiers ids = v.identifiers();
            putOrRemove(product, "brand", ids.brand());
            putOrRemove(product, "mpn", ids.mpn());
            putArrayOrRemove(product, "ean", ids.ean() != null ? ids.ean() : ids.gtin());
            putArrayOrRemove(product, "upc", ids.upc());
            putArrayOrRemove(product, "isbn", ids.isbn());
        }
        if (u.sends(FieldKey.CATEGORIES)) {
            ObjectNode aspects = product.putObject("aspects");
            v.attributes().forEach((name, values) -> {
                ArrayNode a = aspects.putArray(name);
                values.forEach(a::add);
            });
        }
        return item;
    }

    /** The offer as read, with the sent fields replaced. */
    static ObjectNode offer(JsonNode current, ItemUpdate u, String accountCurrency) {
        ObjectNode offer = current.isObject() ? ((ObjectNode) current).deepCopy() : WireJson.MAPPER.createObjectNode();
        offer.remove(List.of("offerId", "sku", "marketplaceId", "format", "status", "listing"));
        OfferValues v = u.values();
        if (u.sends(FieldKey.CATEGORIES)) {
            putOrRemove(offer, "categoryId", v.category());
        }
        if (u.sends(FieldKey.DESCRIPTION)) {
            offer.put("listingDescription", v.description());
        }
        if (u.sends(FieldKey.SHIPPING_POLICY) || u.sends(FieldKey.RETURN_POLICY)) {
            ObjectNode policies = offer.get("listingPolicies") instanceof ObjectNode p ? p : offer.putObject("listingPolicies");
            if (u.sends(FieldKey.SHIPPING_POLICY)) {
                putOrRemove(policies, "fulfillmentPolicyId", v.shippingProfile());
            }
            if (u.sends(FieldKey.RETURN_POLICY)) {
                putOrRemove(policies, "returnPolicyId", v.returnProfile());
            }
        }
        if (u.sends(FieldKey.GPSR) && v.gpsr() != null) {
            offer.set("regulatory", WireJson.MAPPER.valueToTree(regulatory(v.gpsr())));
        }
        if (u.sends(FieldKey.OTHER)) {
            if (v.vatPercent() != null) {
                ObjectNode tax = offer.get("tax") instanceof ObjectNode t ? t : offer.putObject("tax");
                tax.put("vatPercentage", v.vatPercent());
            }
            if (v.msrp() != null) {
                ObjectNode pricing = offer.get("pricingSummary") instanceof ObjectNode p ? p : offer.putObject("pricingSummary");
                ObjectNode orp = pricing.putObject("originalRetailPrice");
                orp.put("value", v.msrp().setScale(2, RoundingMode.HALF_UP).toPlainString());
                orp.put("currency", v.currency() != null ? v.currency() : accountCurrency);
            }
            if (v.lotSize() != null) {
                offer.put("lotSize", v.lotSize());
            }
        }
        return offer;
    }

    static EbayPayloads.Regulatory regulatory(OfferValues.Gpsr g) {
        EbayPayloads.Company manufacturer = company(g.manufacturer(), null);
        List<EbayPayloads.Company> persons = g.responsiblePerson() == null ? null
                : List.of(company(g.responsiblePerson(), List.of("EUResponsiblePerson")));
        EbayPayloads.ProductSafety safety = g.safetyStatements().isEmpty() ? null : new EbayPayloads.ProductSafety(g.safetyStatements());
        List<EbayPayloads.Document> documents = g.documentIds().isEmpty() ? null
                : g.documentIds().stream().map(EbayPayloads.Document::new).toList();
        return new EbayPayloads.Regulatory(manufacturer, persons, safety, documents);
    }

    private static EbayPayloads.Company company(OfferValues.Party p, List<String> types) {
        return p == null ? null : new EbayPayloads.Company(p.name(), p.street(), p.city(), p.postalCode(), p.country(),
                p.email(), p.phone(), p.url(), types);
    }

    static EbayPayloads.Compatibility compatibility(List<OfferValues.FitmentRow> rows) {
        return new EbayPayloads.Compatibility(rows.stream().map(r -> new EbayPayloads.CompatibleProduct(
                r.properties().entrySet().stream().map(e -> new EbayPayloads.NameValue(e.getKey(), e.getValue())).toList(),
                r.notes())).toList());
    }

    private static void putOrRemove(ObjectNode node, String field, String value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.put(field, value);
        }
    }

    private static void putArrayOrRemove(ObjectNode node, String field, String value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.putArray(field).add(value);
        }
    }

    private static Set<FieldKey> fieldsIn(ItemUpdate u, Set<FieldKey> group) {
        Set<FieldKey> f = EnumSet.noneOf(FieldKey.class);
        u.fields().stream().filter(group::contains).forEach(f::add);
        return f;
    }

    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        return List.of();
    }

    /** Inventory items page by page (following eBay's {@code next}), each with its offer for the offerId and price. */
    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        EbayClient.Session session = client.session(account);
        String query = pageCursor != null ? pageCursor : Query.of().add("limit", settings.offersPageSize()).add("offset", 0).toString();
        JsonNode page = read(session, INVENTORY + "/inventory_item" + query, "listing inventory items");
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode item : page.path("inventoryItems")) {
            String sku = WireJson.text(item, "sku");
            JsonNode product = item.path("product");
            JsonNode eans = product.path("ean");
            JsonNode upcs = product.path("upc");
            String gtin = eans.isArray() && !eans.isEmpty() ? eans.get(0).asString()
                    : upcs.isArray() && !upcs.isEmpty() ? upcs.get(0).asString() : null;
            JsonNode qty = item.path("availability").path("shipToLocationAvailability").path("quantity");
            JsonNode offersOfSku = read(session, INVENTORY + "/offer" + Query.of().add("sku", sku)
                    .add("marketplace_id", session.marketplaceId()), "reading offers of " + sku).path("offers");
            JsonNode offer = offersOfSku.isArray() && !offersOfSku.isEmpty() ? offersOfSku.get(0) : null;
            JsonNode price = offer == null ? null : offer.path("pricingSummary").path("price");
            offers.add(new ChannelOffer(sku, gtin, offer == null ? null : WireJson.text(offer, "offerId"),
                    price == null || WireJson.text(price, "value") == null ? null : new BigDecimal(WireJson.text(price, "value")),
                    price == null ? null : WireJson.text(price, "currency"),
                    offer != null && offer.hasNonNull("availableQuantity") ? Integer.valueOf(offer.get("availableQuantity").asInt())
                            : qty.isMissingNode() || qty.isNull() ? null : qty.asInt(),
                    WireJson.text(product, "title")));
        }
        String next = WireJson.text(page, "next");
        String nextCursor = next == null || next.isBlank() || page.path("inventoryItems").isEmpty() ? null
                : next.contains("?") ? next.substring(next.indexOf('?')) : null;
        return new OfferPage(offers, nextCursor);
    }

    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        EbayClient.Session session = client.session(account);
        int offset = cursor.pageToken() == null ? 0 : Integer.parseInt(cursor.pageToken());
        String filter = "lastmodifieddate:[" + EBAY_TIME.format(cursor.changedSince()) + "..]";
        JsonNode page = read(session, "/sell/fulfillment/v1/order" + Query.of().add("filter", filter)
                .add("limit", settings.ordersPageSize()).add("offset", offset), "reading orders");
        List<ChannelOrder> orders = new ArrayList<>();
        Instant latest = cursor.changedSince();
        for (JsonNode o : page.path("orders")) {
            ChannelOrder order = order(o);
            orders.add(order);
            if (order.changedAt().isAfter(latest)) {
                latest = order.changedAt();
            }
        }
        int total = page.path("total").asInt(offset + orders.size());
        boolean more = !orders.isEmpty() && offset + orders.size() < total;
        OrderCursor next = more ? new OrderCursor(cursor.changedSince(), Integer.toString(offset + orders.size())) : OrderCursor.since(latest);
        return new OrderPage(orders, next, more);
    }

    static ChannelOrder order(JsonNode o) {
        boolean cancelled = "CANCELED".equals(WireJson.text(o.path("cancelStatus"), "cancelState"));
        String fulfillment = WireJson.text(o, "orderFulfillmentStatus");
        ChannelOrder.OrderState state = cancelled ? ChannelOrder.OrderState.CANCELLED
                : "FULFILLED".equals(fulfillment) ? ChannelOrder.OrderState.SHIPPED : ChannelOrder.OrderState.OPEN;
        List<OrderLine> lines = new ArrayList<>();
        String currency = WireJson.text(o.path("pricingSummary").path("total"), "currency");
        for (JsonNode li : o.path("lineItems")) {
            int quantity = li.path("quantity").asInt(0);
            String cost = WireJson.text(li.path("lineItemCost"), "value");
            BigDecimal unit = cost == null || quantity == 0 ? null
                    : new BigDecimal(cost).divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
            lines.add(new OrderLine(WireJson.text(li, "lineItemId"), WireJson.text(li, "sku"), quantity, unit, cancelled));
            if (currency == null) {
                currency = WireJson.text(li.path("lineItemCost"), "currency");
            }
        }
        String modified = WireJson.text(o, "lastModifiedDate");
        Instant changed = modified != null ? Instant.parse(modified) : Instant.EPOCH;
        return new ChannelOrder(WireJson.text(o, "orderId"), state, changed, currency, lines);
    }

    private JsonNode read(EbayClient.Session session, String pathAndQuery, String what) {
        return WireJson.tree(ChannelReads.read("eBay " + what, settings.transport().maxBackoff(),
                () -> session.send(HttpMethod.GET, pathAndQuery, null, false),
                r -> errors.classify(session.account().accountId(), r), EbayErrors::message).body());
    }

    /**
     * {@code X-EBAY-SIGNATURE} is base64 of {@code {"alg":"ECDSA","kid":…,"signature":<base64 DER>,"digest":"SHA1"}};
     * the key is fetched by {@code kid} (cached) and the raw body is verified with SHA1withECDSA.
     */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        String header = header(headers, "X-EBAY-SIGNATURE");
        if (header == null) {
            return Optional.empty();
        }
        try {
            JsonNode sig = WireJson.tree(Base64.getDecoder().decode(header.strip()));
            String kid = WireJson.text(sig, "kid");
            String signature = WireJson.text(sig, "signature");
            if (kid == null || signature == null) {
                return Optional.empty();
            }
            PublicKey key = client.session(account).publicKey(kid);
            if (key == null || !verifies(key, body, Base64.getDecoder().decode(signature))) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException | WireFailure | CredentialsRefused | MissingCredential e) {
            return Optional.empty();
        }
        JsonNode n = WireJson.tree(body);
        JsonNode notification = n.path("notification");
        return Optional.of(new ChannelNotification(WireJson.text(notification, "notificationId"),
                WireJson.text(n.path("metadata"), "topic"), WireJson.text(notification.path("data").path("order"), "orderId")));
    }

    static boolean verifies(PublicKey key, byte[] body, byte[] derSignature) {
        try {
            Signature verifier = Signature.getInstance("SHA1withECDSA");
            verifier.initVerify(key);
            verifier.update(body);
            if (verifier.verify(derSignature)) {
                return true;
            }
            // eBay's SDKs verify the compact re-serialisation of the parsed body
            byte[] compact = WireJson.MAPPER.writeValueAsString(WireJson.MAPPER.readTree(body)).getBytes(StandardCharsets.UTF_8);
            verifier.initVerify(key);
            verifier.update(compact);
            return verifier.verify(derSignature);
        } catch (Exception e) {
            return false;
        }
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
