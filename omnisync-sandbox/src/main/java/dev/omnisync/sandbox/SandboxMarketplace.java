package dev.omnisync.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * One simulated marketplace, mounted under {@code /sandbox/{slug}/}: its state (offers, orders, faults, stats,
 * issued tokens, rate buckets, async jobs, webhook subscription) and the channel-specific parts the shared
 * machinery needs (error format, ids, order notifications). Each channel's controller extends this.
 */
public abstract class SandboxMarketplace {

    protected static final SecureRandom RANDOM = new SecureRandom();

    protected final SandboxSettings settings;
    protected final SandboxOffers offers = new SandboxOffers();
    protected final SandboxOrders orders = new SandboxOrders();
    protected final FaultInjector faults = new FaultInjector();
    protected final SandboxStats stats = new SandboxStats();
    protected final SandboxTokens tokens = new SandboxTokens();
    protected final SandboxRateLimiter limiter;
    protected final AsyncJobRunner jobs;
    protected final NotificationSender notifications;
    /** Webhook URL subscribed through the channel's route or {@code _control/subscription}; null = none. */
    protected volatile String webhookUrl;

    protected SandboxMarketplace(SandboxSettings settings, NotificationSender notifications) {
        this.settings = settings;
        this.limiter = new SandboxRateLimiter(settings);
        this.jobs = new AsyncJobRunner(settings);
        this.notifications = notifications;
    }

    /** Path segment under /sandbox/ (ebay, amazon, tiktok, walmart, kaufland, temu, otto, mirakl). */
    public abstract String slug();

    /** The channel's own error body for a refused request. */
    public abstract ResponseEntity<String> error(SandboxRefusal refusal);

    /** Credentials this simulator accepts (and ids a connector needs, e.g. sellerId, shop_cipher). */
    public abstract Map<String, String> credentials();

    /** Token endpoints are exempt from injected request faults so that a fault hits the call it was meant for. */
    public boolean isAuthPath(String pathWithinChannel) {
        return false;
    }

    /** Refuses everything before routing when the channel has one limit across all endpoints (e.g. Kaufland). */
    public void channelWideLimit() {
    }

    /** Gives a new offer the channel's own ids (offerId, id_unit, product and SKU ids, ...). */
    protected void assignIds(SandboxOffer offer) {
    }

    /** Sends the channel's notification for a new or cancelled order, when subscribed and the channel has them. */
    protected void notifyOrder(SandboxOrder order, boolean cancelled) {
    }

    protected String newOrderId() {
        return String.valueOf(100000000000L + RANDOM.nextLong(899999999999L));
    }

    protected static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        sb.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < n; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.toString();
    }

    // ---- state used by the control API ----

    public SandboxOffers offers() {
        return offers;
    }

    public SandboxStats stats() {
        return stats;
    }

    public FaultInjector faults() {
        return faults;
    }

    public SandboxOrders orders() {
        return orders;
    }

    public NotificationSender notifications() {
        return notifications;
    }

    public void subscribe(String url) {
        this.webhookUrl = url;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public void expireTokens() {
        tokens.expireAll();
    }

    /** Seeds an existing offer (control API); fields beyond the common ones land in {@code attributes}. */
    public SandboxOffer seed(JsonNode item) {
        String sku = item.path("sku").asString("");
        if (sku.isBlank()) {
            throw new IllegalArgumentException("every offer needs a 'sku'");
        }
        return offers.change(() -> {
            SandboxOffer offer = offers.getOrCreate(sku, this::assignIds);
            for (var e : item.properties()) {
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "sku" -> { }
                    case "ean" -> offer.ean = v.isNull() ? null : v.asString();
                    case "price" -> offer.price = v.isNull() ? null : new java.math.BigDecimal(v.asString());
                    case "currency" -> offer.currency = v.asString();
                    case "quantity" -> {
                        if (!v.isIntegralNumber() || v.intValue() < 0) {
                            throw new IllegalArgumentException("'quantity' of " + sku + " must be an integer >= 0");
                        }
                        offer.quantity = v.intValue();
                    }
                    case "title" -> offer.title = v.asString();
                    case "description" -> offer.description = v.asString();
                    case "images" -> offer.images = v.valueStream().map(JsonNode::asString).toList();
                    default -> offer.attributes.put(e.getKey(), SandboxJson.MAPPER.treeToValue(v, Object.class));
                }
            }
            if (offer.currency == null) {
                offer.currency = defaultCurrency();
            }
            return offer;
        });
    }

    protected String defaultCurrency() {
        return "EUR";
    }

    /** Creates a buyer order (control API): takes the ordered quantity off the channel stock and notifies. */
    public SandboxOrder createOrder(String orderId, List<SandboxOrder.Line> requested) {
        String id = orderId == null || orderId.isBlank() ? newOrderId() : orderId;
        List<SandboxOrder.Line> lines = new java.util.ArrayList<>();
        int n = 1;
        for (SandboxOrder.Line l : requested) {
            if (offers.find(l.sku()).isEmpty()) {
                throw new IllegalArgumentException("no offer with sku '" + l.sku() + "' on " + slug() + "; seed it first");
            }
            if (l.quantity() < 1) {
                throw new IllegalArgumentException("line quantity must be >= 1");
            }
            lines.add(new SandboxOrder.Line(id + "-" + n++, l.sku(), l.quantity()));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        SandboxOrder order = new SandboxOrder(id, lines, Instant.now());
        orders.add(order);
        offers.change(() -> {
            for (SandboxOrder.Line l : lines) {
                offers.find(l.sku()).ifPresent(o -> o.quantity = Math.max(0, o.quantity - l.quantity()));
            }
            return null;
        });
        notifyOrder(order, false);
        return order;
    }

    public SandboxOrder cancelOrder(String orderId) {
        SandboxOrder order = orders.find(orderId)
                .orElseThrow(() -> new IllegalArgumentException("no order '" + orderId + "' on " + slug()));
        if (order.status == SandboxOrder.Status.CANCELLED) {
            return order;
        }
        order.status = SandboxOrder.Status.CANCELLED;
        order.updated = Instant.now();
        offers.change(() -> {
            for (SandboxOrder.Line l : order.lines) {
                offers.find(l.sku()).ifPresent(o -> o.quantity += l.quantity());
            }
            return null;
        });
        notifyOrder(order, true);
        return order;
    }

    /** The channel changes a price by itself (a repricer or the channel's own pricing rule). */
    public SandboxOffer priceChange(String sku, java.math.BigDecimal price) {
        return offers.change(() -> {
            SandboxOffer o = offers.find(sku)
                    .orElseThrow(() -> new IllegalArgumentException("no offer with sku '" + sku + "' on " + slug()));
            o.price = price;
            o.lastUpdated = Instant.now();
            return o;
        });
    }

    public void reset() {
        offers.clear();
        orders.clear();
        faults.clear();
        stats.reset();
        tokens.clear();
        limiter.reset();
        jobs.reset();
        notifications.forget(slug());
        webhookUrl = null;
        resetChannel();
    }

    /** Clears channel-specific state (subscriptions, feed documents, ...). */
    protected void resetChannel() {
    }

    // ---- helpers for channel controllers ----

    /** Takes a token from the named bucket or refuses with the channel's 429. */
    protected SandboxRateLimiter.Take limit(String bucket, double perSecond, double burst) {
        SandboxRateLimiter.Take take = limiter.take(slug() + "." + bucket, perSecond, burst);
        if (!take.allowed()) {
            throw rateLimited(take);
        }
        return take;
    }

    /** The channel's 429 for a limiter refusal (channels add their own headers). */
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "RATE_LIMIT", "Too many requests");
    }

    /** Validates a body against a shape; the first violations become the channel's 400. */
    protected void requireShape(JsonNode body, JsonShape shape, String code) {
        List<JsonShape.Violation> violations = shape.check(body);
        if (!violations.isEmpty()) {
            JsonShape.Violation first = violations.get(0);
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, code,
                    violations.stream().limit(5).map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(""),
                    first.path());
        }
    }

    protected static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
