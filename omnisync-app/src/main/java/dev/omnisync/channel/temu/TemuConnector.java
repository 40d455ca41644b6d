package dev.omnisync.channel.temu;

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
import dev.omnisync.channel.wire.CredentialsRefused;
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
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Temu: stock, price and content per <em>goods</em> — all updates for the SKUs of one goods go in one
 * {@code bg.local.goods.stock.edit} (absolute targets, with a fresh {@code requestUniqueKey} per call so transport
 * retries are de-duplicated), one {@code bg.local.goods.priceorder.change.sku.price} and one
 * {@code bg.local.goods.partial.update} (name, description, carousel images, size chart, per-SKU weight, category).
 * An offer's channel ref is {@code <goodsId>/<skuId>}; a bare SKU id is combined with
 * {@link ItemUpdate#productRef()} as the goods id. Synchronous, with per-SKU results.
 */
@Component
public class TemuConnector implements ChannelConnector {

    private static final Set<FieldKey> CONTENT = EnumSet.of(FieldKey.TITLE, FieldKey.DESCRIPTION, FieldKey.IMAGES, FieldKey.CATEGORIES);

    private final ChannelSettings channelSettings;
    private final TemuSettings settings;
    private final TemuClient client;
    private final TemuErrors errors;
    private final Clock clock;

    @Autowired
    public TemuConnector(ChannelSettings channelSettings, TemuSettings settings) {
        this(channelSettings, settings, Clock.systemUTC());
    }

    public TemuConnector(ChannelSettings channelSettings, TemuSettings settings, Clock clock) {
        this.channelSettings = channelSettings;
        this.settings = settings;
        this.clock = clock;
        this.client = new TemuClient(settings, clock);
        this.errors = new TemuErrors(settings);
    }

    @Override
    public Channel channel() {
        return Channel.TEMU;
    }

    @Override
    public ChannelLimits limits() {
        return channelSettings.limitsOf(Channel.TEMU);
    }

    /** Temu goods and SKU ids. */
    record Ref(long goodsId, long skuId) {
    }

    static Ref ref(ItemUpdate u) {
        String ref = u.channelRef() == null ? "" : u.channelRef().strip();
        int slash = ref.indexOf('/');
        try {
            if (slash > 0) {
                return new Ref(Long.parseLong(ref.substring(0, slash)), Long.parseLong(ref.substring(slash + 1)));
            }
            if (!ref.isEmpty() && u.productRef() != null) {
                return new Ref(Long.parseLong(u.productRef().strip()), Long.parseLong(ref));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Groups items by goods, keeping the order of first appearance. */
    static Map<Long, List<ItemUpdate>> byGoods(List<ItemUpdate> updates) {
        return PerProductPush.group(updates, TemuConnector::goodsId);
    }

    private static Long goodsId(ItemUpdate u) {
        Ref r = ref(u);
        return r == null ? null : r.goodsId();
    }

    @Override
    public PushResult push(ConnectorAccount account, List<ItemUpdate> updates) {
        TemuClient.Session session = client.session(account);
        OutcomeTally tally = new PerProductPush<Long>(TemuConnector::goodsId,
                u -> "no Temu goods/SKU id (channelRef '<goodsId>/<skuId>') for SKU " + u.sku(), CONTENT)
                .push(updates, settings.transport().maxBackoff(), new PerProductPush.ProductCalls<>() {
                    @Override
                    public void stock(Long goodsId, List<ItemUpdate> stock, OutcomeTally t) {
                        TemuPayloads.StockEdit edit = stockEdit(goodsId, stock, settings.maxQuantity(), "omnisync-" + UUID.randomUUID());
                        call(session, "bg.local.goods.stock.edit", edit, stock, Set.of(FieldKey.QUANTITY), t, TemuConnector::stockResults);
                    }

                    @Override
                    public void prices(Long goodsId, List<ItemUpdate> prices, OutcomeTally t) {
                        call(session, "bg.local.goods.priceorder.change.sku.price", priceChange(goodsId, prices, account.currency(),
                                settings.priceChangeReason()), prices, Set.of(FieldKey.PRICE), t, TemuConnector::priceResults);
                    }

                    @Override
                    public void content(Long goodsId, List<ItemUpdate> content, OutcomeTally t) {
                        sendContent(session, goodsId, content, t);
                    }
                });
        return new PushResult(tally.outcomes(), session.calls());
    }

    static TemuPayloads.StockEdit stockEdit(long goodsId, List<ItemUpdate> items, int maxQuantity, String uniqueKey) {
        return new TemuPayloads.StockEdit(goodsId, items.stream().map(u -> new TemuPayloads.StockTarget(ref(u).skuId(),
                Math.max(0, Math.min(maxQuantity, u.values().quantity())))).toList(), uniqueKey);
    }

    static TemuPayloads.PriceChange priceChange(long goodsId, List<ItemUpdate> items, String accountCurrency, String reason) {
        return new TemuPayloads.PriceChange(goodsId, List.of(new TemuPayloads.PriceReason(reason, items.stream()
                .map(u -> new TemuPayloads.SkuPrice(ref(u).skuId(), new TemuPayloads.Money(
                        u.values().price().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        u.values().currency() != null ? u.values().currency() : accountCurrency))).toList())), false);
    }

    /** Per-SKU verdicts of a stock edit ({@code stockEditStatus}). */
    static Map<Long, Verdict> stockResults(JsonNode result) {
        Map<Long, Verdict> out = new HashMap<>();
        for (JsonNode s : result.path("skuStockEditStatusInfoList")) {
            out.put(s.path("skuId").asLong(), s.path("stockEditStatus").asBoolean(false) ? Verdict.OK
                    : new Verdict.Permanent(s.path("errorCode").asString("STOCK_EDIT_FAILED"), String.valueOf(WireJson.text(s, "errorMsg"))));
        }
        return out;
    }

    /** Per-SKU verdicts of a price change ({@code successSkuList}, {@code failedSkuList}, {@code failedSkuReasonMap}). */
    static Map<Long, Verdict> priceResults(JsonNode result) {
        Map<Long, Verdict> out = new HashMap<>();
        result.path("successSkuList").forEach(n -> out.put(n.asLong(), Verdict.OK));
        JsonNode reasons = result.path("failedSkuReasonMap");
        result.path("failedSkuList").forEach(n -> out.put(n.asLong(), new Verdict.Permanent("PRICE_REFUSED",
                reasons.path(n.asString()).asString("Temu refused the price"))));
        return out;
    }

    /** One goods-level call; its verdict applies to every item, then per-SKU results decide. */
    private void call(TemuClient.Session session, String type, Object params, List<ItemUpdate> items, Set<FieldKey> fields,
            OutcomeTally tally, Function<JsonNode, Map<Long, Verdict>> perSku) {
        WireResponse r;
        try {
            r = session.call(type, params);
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
        Map<Long, Verdict> results = perSku == null ? Map.of() : perSku.apply(WireJson.tree(r.body()).path("result"));
        items.forEach(u -> tally.record(u.listingId(), fields, results.getOrDefault(ref(u).skuId(), Verdict.OK)));
    }

    private void sendContent(TemuClient.Session session, long goodsId, List<ItemUpdate> items, OutcomeTally tally) {
        Set<FieldKey> fields = EnumSet.noneOf(FieldKey.class);
        items.forEach(u -> u.fields().stream().filter(CONTENT::contains).forEach(fields::add));
        TemuPayloads.PartialUpdate update;
        try {
            update = partialUpdate(goodsId, items);
        } catch (IllegalArgumentException e) {
            items.forEach(u -> tally.rejected(u.listingId(), "INVALID_CONTENT", e.getMessage()));
            return;
        }
        if (update.isEmpty()) {
            items.forEach(u -> tally.accepted(u.listingId(), fields));
            return;
        }
        call(session, "bg.local.goods.partial.update", update, items, fields, tally, null);
    }

    /**
     * The goods' partial update: name, description (plain text: tags are stripped), 3–10 carousel images, size chart
     * image and category are per goods (the first item carrying a field decides); weight is per SKU, in grams.
     */
    static TemuPayloads.PartialUpdate partialUpdate(long goodsId, List<ItemUpdate> items) {
        String name = PerProductPush.firstSent(items, FieldKey.TITLE, OfferValues::title);
        String description = PerProductPush.firstSent(items, FieldKey.DESCRIPTION, OfferValues::description);
        List<String> images = PerProductPush.firstSent(items, FieldKey.IMAGES, v -> v.images().isEmpty() ? null : v.images());
        String sizeChart = PerProductPush.firstSent(items, FieldKey.IMAGES, OfferValues::sizeChart);
        String category = PerProductPush.firstSent(items, FieldKey.CATEGORIES, OfferValues::category);
        if (name != null && (name.isBlank() || name.length() > 500)) {
            throw new IllegalArgumentException("Temu goods names have 1 to 500 characters; this one has " + name.length());
        }
        String plain = description == null ? null : plainText(description);
        if (plain != null && plain.length() > 2000) {
            throw new IllegalArgumentException("Temu descriptions are plain text of at most 2000 characters; this one has " + plain.length());
        }
        if (images != null && images.size() < 3) {
            throw new IllegalArgumentException("Temu needs 3 to 10 carousel images; " + images.size() + " given");
        }
        Long catId = null;
        if (category != null) {
            try {
                catId = Long.parseLong(category.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Temu categories are leaf category ids (catId); '" + category + "' is not one");
            }
        }
        List<TemuPayloads.SkuEdit> skus = new ArrayList<>();
        for (ItemUpdate u : items) {
            if (u.sends(FieldKey.IMAGES) && u.values().weight() != null) {
                skus.add(new TemuPayloads.SkuEdit(ref(u).skuId(), grams(u.values().weight()), "g"));
            }
        }
        TemuPayloads.GoodsBasic basic = name == null && images == null && catId == null ? null
                : new TemuPayloads.GoodsBasic(name, images == null ? null : new TemuPayloads.GoodsGallery(images.stream().limit(10).toList()), catId);
        return new TemuPayloads.PartialUpdate(goodsId, basic, plain, sizeChart == null ? null : List.of(sizeChart),
                skus.isEmpty() ? null : skus);
    }

    /** A weight in grams as Temu's decimal string (> 0). */
    static String grams(OfferValues.Weight weight) {
        BigDecimal factor = switch (String.valueOf(weight.unit()).toUpperCase(java.util.Locale.ROOT)) {
            case "KILOGRAM", "KG" -> new BigDecimal("1000");
            case "POUND", "LB" -> new BigDecimal("453.59237");
            case "OUNCE", "OZ" -> new BigDecimal("28.349523125");
            default -> BigDecimal.ONE;
        };
        BigDecimal g = weight.value().multiply(factor).setScale(0, RoundingMode.HALF_UP);
        if (g.signum() <= 0) {
            throw new IllegalArgumentException("Temu weights must be greater than 0 g");
        }
        return g.toPlainString();
    }

    /** Temu takes no rich text: tags go, block ends become line breaks. */
    static String plainText(String html) {
        return html.replaceAll("(?i)<br\\s*/?>|</p>|</li>", "\n").replaceAll("<[^>]*>", "").replace("&nbsp;", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\n{3,}", "\n\n").strip();
    }

    @Override
    public List<PushOutcome> poll(ConnectorAccount account, PendingJob job) {
        return List.of();
    }

    @Override
    public OfferPage listOffers(ConnectorAccount account, String pageCursor) {
        TemuClient.Session session = client.session(account);
        int page = pageCursor == null ? 1 : Integer.parseInt(pageCursor);
        JsonNode result = read(session, "bg.local.goods.sku.list.query", new TemuPayloads.SkuListQuery(page, settings.pageSize()), "listing SKUs");
        List<ChannelOffer> offers = new ArrayList<>();
        for (JsonNode s : result.path("skuList")) {
            JsonNode price = s.path("retailPrice");
            String amount = WireJson.text(price, "amount");
            offers.add(new ChannelOffer(WireJson.text(s, "skuSn"), null, s.path("goodsId").asString() + "/" + s.path("skuId").asString(),
                    amount == null ? null : new BigDecimal(amount), WireJson.text(price, "currency"),
                    s.hasNonNull("stock") ? s.get("stock").asInt() : null, WireJson.text(s, "goodsName")));
        }
        int total = result.path("total").asInt(0);
        boolean more = !offers.isEmpty() && (long) page * settings.pageSize() < total;
        return new OfferPage(offers, more ? Integer.toString(page + 1) : null);
    }

    /**
     * Orders updated in [changedSince, now]; the window's end is fixed for all its pages ({@code pageToken} =
     * {@code <page>:<end>}).
     */
    @Override
    public OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor) {
        TemuClient.Session session = client.session(account);
        int page = 1;
        long end = clock.instant().getEpochSecond();
        if (cursor.pageToken() != null) {
            String[] parts = cursor.pageToken().split(":");
            page = Integer.parseInt(parts[0]);
            end = Long.parseLong(parts[1]);
        }
        JsonNode result = read(session, "bg.order.list.v2.get", new TemuPayloads.OrderList(page, settings.pageSize(),
                cursor.changedSince().getEpochSecond(), end, "updateTime"), "listing orders");
        List<ChannelOrder> orders = new ArrayList<>();
        Instant latest = cursor.changedSince();
        for (JsonNode item : result.path("pageItems")) {
            ChannelOrder o = order(item);
            orders.add(o);
            if (o.changedAt().isAfter(latest)) {
                latest = o.changedAt();
            }
        }
        int total = result.path("totalItemNum").asInt(0);
        boolean more = !orders.isEmpty() && (long) page * settings.pageSize() < total;
        return new OrderPage(orders, more ? new OrderCursor(cursor.changedSince(), (page + 1) + ":" + end) : OrderCursor.since(latest), more);
    }

    /** One parent order: a line per Temu SKU with its quantity; the seller's SKU is {@code productList[].extCode}. */
    static ChannelOrder order(JsonNode item) {
        JsonNode parent = item.path("parentOrderMap");
        int status = parent.path("parentOrderStatus").asInt(0);
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode l : item.path("orderList")) {
            boolean cancelled = status == 3 || l.path("orderStatus").asInt(0) == 3;
            int quantity = l.path("quantity").asInt(0);
            if (quantity == 0 && cancelled) {
                quantity = l.path("originalOrderQuantity").asInt(0);
            }
            JsonNode products = l.path("productList");
            String sku = products.isArray() && !products.isEmpty() ? WireJson.text(products.get(0), "extCode") : null;
            lines.add(new OrderLine(WireJson.text(l, "orderSn"), sku, quantity, null, cancelled));
        }
        ChannelOrder.OrderState state = switch (status) {
            case 3 -> ChannelOrder.OrderState.CANCELLED;
            case 4, 5 -> ChannelOrder.OrderState.SHIPPED;
            default -> ChannelOrder.OrderState.OPEN;
        };
        return new ChannelOrder(WireJson.text(parent, "parentOrderSn"), state, Instant.ofEpochSecond(parent.path("updateTime").asLong(0)),
                null, lines);
    }

    private JsonNode read(TemuClient.Session session, String type, Object params, String what) {
        WireResponse r;
        try {
            r = session.call(type, params);
        } catch (WireFailure | CredentialsRefused | MissingCredential e) {
            throw new ChannelReadFailed("Temu " + what + " failed: " + e.getMessage(), settings.transport().maxBackoff());
        }
        Verdict v = errors.classify(session.account().accountId(), r);
        if (!(v instanceof Verdict.Ok)) {
            Duration wait = v instanceof Verdict.Retryable retry ? retry.delay() : settings.transport().maxBackoff();
            throw new ChannelReadFailed("Temu " + what + " failed: " + TemuErrors.message(WireJson.tree(r.body()), r), wait);
        }
        return WireJson.tree(r.body()).path("result");
    }

    /**
     * Temu webhooks: {@code eventData} is base64(AES-128-CBC(json)) with key and IV the first 16 bytes of the app
     * secret; {@code x-tm-signature} = hex HMAC-SHA256(app_secret) over the sorted key+value of the decrypted
     * {@code eventData} and the {@code x-tm-*} headers (blanks skipped), compared ignoring case. The app key must be
     * the account's and the timestamp recent.
     */
    @Override
    public Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body) {
        String signature = WireSigning.header(headers, "x-tm-signature");
        String appKey = WireSigning.header(headers, "x-tm-app-key");
        String timestamp = WireSigning.header(headers, "x-tm-timestamp");
        if (signature == null || appKey == null || timestamp == null || body == null || !appKey.equals(account.credentialOr("appKey", null))
                || account.credentialOr("appSecret", null) == null) {
            return Optional.empty();
        }
        try {
            if (Duration.between(Instant.ofEpochMilli(Long.parseLong(timestamp.strip())), clock.instant()).abs()
                    .compareTo(settings.webhookSkew()) > 0) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String secret = account.credential("appSecret");
        String encrypted = WireJson.text(WireJson.tree(body), "eventData");
        String plain = encrypted == null ? null : decrypt(secret, encrypted);
        if (plain == null) {
            return Optional.empty();
        }
        Map<String, String> signed = new TreeMap<>();
        signed.put("eventData", plain);
        for (String h : List.of("x-tm-app-key", "x-tm-event-code", "x-tm-ext-param", "x-tm-timestamp")) {
            signed.put(h, WireSigning.header(headers, h));
        }
        if (!WireSigning.sameHex(webhookSignature(secret, signed), signature)) {
            return Optional.empty();
        }
        JsonNode event = WireJson.tree(plain.getBytes(StandardCharsets.UTF_8));
        String code = WireSigning.header(headers, "x-tm-event-code");
        String order = WireJson.text(event, "parentOrderSn");
        return Optional.of(new ChannelNotification(code + ":" + order + ":" + timestamp.strip(), code, order));
    }

    /** hex HMAC-SHA256(secret) over sorted key+value pairs without separators, blank values skipped. */
    static String webhookSignature(String secret, Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                sb.append(k).append(v);
            }
        });
        return WireSigning.hmacSha256Hex(secret, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** AES-128-CBC/PKCS5 with key = IV = the first 16 bytes of the secret; null when it does not decrypt. */
    static String decrypt(String secret, String base64) {
        try {
            byte[] key = Arrays.copyOf(secret.getBytes(StandardCharsets.UTF_8), 16);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key));
            return new String(cipher.doFinal(Base64.getDecoder().decode(base64.strip())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
