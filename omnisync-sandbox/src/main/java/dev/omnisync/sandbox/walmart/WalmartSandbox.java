package dev.omnisync.sandbox.walmart;

import dev.omnisync.sandbox.AsyncJob;
import dev.omnisync.sandbox.JsonShape;
import dev.omnisync.sandbox.NotificationSender;
import dev.omnisync.sandbox.SandboxEnabled;
import dev.omnisync.sandbox.SandboxJson;
import dev.omnisync.sandbox.SandboxMarketplace;
import dev.omnisync.sandbox.SandboxOffer;
import dev.omnisync.sandbox.SandboxOrder;
import dev.omnisync.sandbox.SandboxRateLimiter;
import dev.omnisync.sandbox.SandboxRefusal;
import dev.omnisync.sandbox.SandboxSettings;
import dev.omnisync.sandbox.SandboxTokens;
import dev.omnisync.sandbox.Signatures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walmart's Marketplace API as wire/walmart.md describes it: client-credentials token (900 s), the three
 * required WM_* headers, single inventory/price PUTs, multipart feeds processed asynchronously
 * (RECEIVED → INPROGRESS → PROCESSED | ERROR with per-item ingestion status), orders, webhooks.
 */
@RestController
@RequestMapping("/sandbox/walmart")
@SandboxEnabled
public class WalmartSandbox extends SandboxMarketplace {

    private final Map<String, AsyncJob> feeds = new ConcurrentHashMap<>();
    /** eventType → subscription (eventUrl, authDetails, headers). */
    private final Map<String, JsonNode> webhookEvents = new ConcurrentHashMap<>();

    public WalmartSandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
    }

    @Override
    public String slug() {
        return "walmart";
    }

    @Override
    protected String defaultCurrency() {
        return "USD";
    }

    private String clientId() {
        return settings.credential("walmart", "client-id", "sandbox-walmart-client-id");
    }

    private String clientSecret() {
        return settings.credential("walmart", "client-secret", "sandbox-walmart-client-secret");
    }

    @Override
    public Map<String, String> credentials() {
        return map("clientId", clientId(), "clientSecret", clientSecret(), "partnerId", "10001234567");
    }

    @Override
    public boolean isAuthPath(String path) {
        return path.startsWith("/v3/token");
    }

    @Override
    protected String newOrderId() {
        return digits(13);
    }

    @Override
    protected void assignIds(SandboxOffer offer) {
        offer.ids.put("wpid", Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase());
    }

    @Override
    protected void resetChannel() {
        feeds.clear();
        webhookEvents.clear();
    }

    // ---------------------------------------------------------------- errors

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        String code = switch (r.kind) {
            case AUTH -> "UNAUTHORIZED.GMP_GATEWAY_API";
            case FORBIDDEN -> "FORBIDDEN.GMP_GATEWAY_API";
            case RATE_LIMIT -> "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API";
            case NOT_FOUND -> r.code != null && r.code.contains("NOT_FOUND") ? r.code : "CONTENT_NOT_FOUND.GMP_ITEM_QUERY_API";
            case SERVER -> "SYSTEM_ERROR.GMP_GATEWAY_API";
            case TIMEOUT -> "DOWNSTREAM_SYSTEM_TIME_OUT.GMP_GATEWAY_API";
            default -> r.code == null || r.code.equals("INVALID_REQUEST") ? "INVALID_REQUEST_CONTENT.GMP_GATEWAY_API" : r.code;
        };
        String field = r.field != null ? r.field : code.substring(0, code.indexOf('.') < 0 ? code.length() : code.indexOf('.'));
        ObjectNode e = SandboxJson.object().put("code", code).put("field", field)
                .put("description", r.kind == SandboxRefusal.Kind.RATE_LIMIT ? "Too many requests" : r.getMessage())
                .put("info", r.kind == SandboxRefusal.Kind.RATE_LIMIT ? "Request threshold violated" : r.getMessage())
                .put("severity", "ERROR")
                .put("category", r.kind == SandboxRefusal.Kind.SERVER || r.kind == SandboxRefusal.Kind.TIMEOUT ? "SYSTEM" : "DATA");
        e.putArray("causes");
        e.putObject("errorIdentifiers");
        ObjectNode body = SandboxJson.object();
        body.putArray("errors").add(e);
        return SandboxJson.respond(r.status, body, r.headers);
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API", "Too many requests")
                .header("x-current-token-count", "0")
                .header("x-next-replenishment-time", String.valueOf(System.currentTimeMillis() + take.millisUntilNextToken()));
    }

    private static ResponseEntity<String> ok(Object body, SandboxRateLimiter.Take take) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (take != null) {
            headers.put("x-current-token-count", String.valueOf((long) Math.floor(take.tokensLeft())));
            headers.put("x-next-replenishment-time", String.valueOf(System.currentTimeMillis() + (long) (1000 / take.ratePerSecond())));
        }
        return SandboxJson.respond(200, body, headers);
    }

    // ---------------------------------------------------------------- auth

    private static void requireServiceHeaders(HttpServletRequest request) {
        if (request.getHeader("WM_SVC.NAME") == null || request.getHeader("WM_SVC.NAME").isBlank()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "MISSING_REQUEST_HEADER.GMP_GATEWAY_API",
                    "Required header WM_SVC.NAME is missing", "WM_SVC.NAME");
        }
        if (request.getHeader("WM_QOS.CORRELATION_ID") == null || request.getHeader("WM_QOS.CORRELATION_ID").isBlank()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "MISSING_REQUEST_HEADER.GMP_GATEWAY_API",
                    "Required header WM_QOS.CORRELATION_ID is missing", "WM_QOS.CORRELATION_ID");
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !(accept.contains("application/json") || accept.contains("*/*"))) {
            throw new SandboxRefusal(406, SandboxRefusal.Kind.VALIDATION, "INVALID_ACCEPT_TYPE.GMP_GATEWAY_API",
                    "Send 'Accept: application/json'", "Accept");
        }
    }

    @PostMapping("/v3/token")
    ResponseEntity<String> token(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form) {
        requireServiceHeaders(request);
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId() + ":" + clientSecret()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "UNAUTHORIZED.GMP_GATEWAY_API", "Invalid client id or secret", "clientId");
        }
        String ct = request.getContentType();
        if (ct == null || !ct.startsWith("application/x-www-form-urlencoded")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, "UNSUPPORTED_MEDIA_TYPE.GMP_GATEWAY_API",
                    "Content-Type must be application/x-www-form-urlencoded", "Content-Type");
        }
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_GATEWAY_API",
                    "grant_type must be client_credentials", "grant_type");
        }
        SandboxTokens.Issued t = tokens.issue("eyJraWQiOiJzYW5kYm94In0.", Duration.ofSeconds(900), Set.of());
        return SandboxJson.respond(200, SandboxJson.object().put("access_token", t.token()).put("token_type", "Bearer").put("expires_in", 900));
    }

    private void authorize(HttpServletRequest request) {
        String token = request.getHeader("WM_SEC.ACCESS_TOKEN");
        if (token == null) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "UNAUTHORIZED.GMP_GATEWAY_API",
                    request.getHeader("Authorization") != null ? "Send the token in WM_SEC.ACCESS_TOKEN, not Authorization"
                            : "Required header WM_SEC.ACCESS_TOKEN is missing", "WM_SEC.ACCESS_TOKEN");
        }
        SandboxTokens.Check check = tokens.check(token);
        if (check != SandboxTokens.Check.VALID) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "UNAUTHORIZED.GMP_GATEWAY_API",
                    check == SandboxTokens.Check.EXPIRED ? "The access token has expired" : "Invalid access token", "WM_SEC.ACCESS_TOKEN");
        }
        requireServiceHeaders(request);
    }

    private static JsonNode jsonBody(HttpServletRequest request, byte[] bytes) {
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, "UNSUPPORTED_MEDIA_TYPE.GMP_GATEWAY_API",
                    "Content-Type must be application/json", "Content-Type");
        }
        try {
            return SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "MALFORMED_REQUEST_CONTENT.GMP_GATEWAY_API",
                    "The request body is not valid JSON", "body");
        }
    }

    // ---------------------------------------------------------------- single inventory / price

    private static final JsonShape QUANTITY = JsonShape.object()
            .required("unit", JsonShape.oneOf("EACH"))
            .required("amount", JsonShape.integer(0, Integer.MAX_VALUE));

    private static final JsonShape INVENTORY = JsonShape.object()
            .required("sku", JsonShape.string(1, 50))
            .required("quantity", QUANTITY);

    private static final JsonShape MONEY = JsonShape.object()
            .required("currency", JsonShape.oneOf("USD"))
            .required("amount", JsonShape.number(BigDecimal.ZERO, true));

    private static final JsonShape PRICING = JsonShape.object()
            .optional("currentPriceType", JsonShape.oneOf("BASE", "REDUCED", "CLEARANCE"))
            .required("currentPrice", MONEY)
            .optional("comparisonPriceType", JsonShape.oneOf("BASE"))
            .optional("comparisonPrice", MONEY)
            .optional("effectiveDate", JsonShape.string())
            .optional("expirationDate", JsonShape.string())
            .optional("processMode", JsonShape.oneOf("UPSERT", "DELETE"));

    private static final JsonShape PRICE = JsonShape.object()
            .required("sku", JsonShape.string(1, 50))
            .required("pricing", JsonShape.array(PRICING, 1, 10));

    @PutMapping("/v3/inventory")
    ResponseEntity<String> putInventory(HttpServletRequest request, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String shipNode, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("updateInventory", settings.integer("walmart.inventory-per-minute", 200) / 60.0,
                settings.integer("walmart.inventory-per-minute", 200));
        if (sku == null || sku.isBlank()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "MISSING_REQUEST_PARAM.GMP_INVENTORY_API", "Query parameter sku is required", "sku");
        }
        JsonNode body = jsonBody(request, bytes);
        requireShape(body, INVENTORY, "INVALID_REQUEST_CONTENT.GMP_INVENTORY_API");
        if (!sku.equals(body.get("sku").asString())) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_INVENTORY_API",
                    "The sku in the body does not match the sku query parameter", "sku");
        }
        SandboxOffer o = offers.find(sku).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND,
                "CONTENT_NOT_FOUND.GMP_INVENTORY_API", "Item not found for sku " + sku, "sku"));
        if (faults.rejects(sku)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_CONTENT.GMP_INVENTORY_API",
                    "The item was rejected (sandbox fault)", "sku");
        }
        offers.change(() -> {
            o.quantity = body.get("quantity").get("amount").intValue();
            o.touched();
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(1);
        return ok(body, take);
    }

    @GetMapping("/v3/inventory")
    ResponseEntity<String> getInventory(HttpServletRequest request, @RequestParam(required = false) String sku) {
        authorize(request);
        if (sku == null) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "MISSING_REQUEST_PARAM.GMP_INVENTORY_API", "Query parameter sku is required", "sku");
        }
        return offers.change(() -> {
            SandboxOffer o = offers.find(sku).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND,
                    "CONTENT_NOT_FOUND.GMP_INVENTORY_API", "Item not found for sku " + sku, "sku"));
            ObjectNode out = SandboxJson.object().put("sku", o.sku);
            out.putObject("quantity").put("unit", "EACH").put("amount", o.quantity);
            return ok(out, null);
        });
    }

    @PutMapping("/v3/price")
    ResponseEntity<String> putPrice(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("updatePrice", settings.integer("walmart.price-per-minute", 200) / 60.0,
                settings.integer("walmart.price-per-minute", 200));
        JsonNode body = jsonBody(request, bytes);
        requireShape(body, PRICE, "INVALID_REQUEST_CONTENT.GMP_PRICE_API");
        String sku = body.get("sku").asString();
        SandboxOffer o = offers.find(sku).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND,
                "CONTENT_NOT_FOUND.GMP_PRICE_API", "Item not found for sku " + sku, "sku"));
        if (faults.rejects(sku)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_CONTENT.GMP_PRICE_API",
                    "The item was rejected (sandbox fault)", "sku");
        }
        applyPricing(o, body.get("pricing"));
        stats.updateRequest();
        stats.itemsUpdated(1);
        ObjectNode out = SandboxJson.object();
        out.putObject("ItemPriceResponse").put("mart", "WALMART_US").put("sku", sku)
                .put("message", "Thank you. Your price has been updated. Please allow up to five minutes for this change to be reflected on the site.");
        return ok(out, take);
    }

    private void applyPricing(SandboxOffer o, JsonNode pricing) {
        offers.change(() -> {
            for (JsonNode p : pricing) {
                String type = p.path("currentPriceType").asString("BASE");
                BigDecimal amount = p.get("currentPrice").get("amount").decimalValue();
                if (type.equals("BASE") || !p.has("comparisonPrice")) {
                    o.price = amount;
                } else {
                    o.price = amount;
                    o.attributes.put("comparisonPrice", p.get("comparisonPrice").get("amount").decimalValue());
                }
                o.currency = p.get("currentPrice").get("currency").asString();
            }
            o.touched();
            return null;
        });
    }

    // ---------------------------------------------------------------- feeds

    private record FeedType(String name, double perHour, long maxBytes) {
    }

    private static final Map<String, FeedType> FEED_TYPES = Map.of(
            "inventory", new FeedType("inventory", 10, 5L << 20),
            "MP_INVENTORY", new FeedType("MP_INVENTORY", 50, 1L << 20),
            "price", new FeedType("price", 10, 10L << 20),
            "MP_MAINTENANCE", new FeedType("MP_MAINTENANCE", 20, 25L << 20),
            "MP_ITEM", new FeedType("MP_ITEM", 20, 25L << 20));

    @PostMapping("/v3/feeds")
    ResponseEntity<String> submitFeed(HttpServletRequest request, @RequestParam(required = false) String feedType) throws Exception {
        authorize(request);
        FeedType type = feedType == null ? null : FEED_TYPES.get(feedType);
        if (type == null) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_GATEWAY_API",
                    "feedType must be one of " + FEED_TYPES.keySet(), "feedType");
        }
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("multipart/form-data")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, "UNSUPPORTED_MEDIA_TYPE.GMP_GATEWAY_API",
                    "Feeds are multipart/form-data with one part named 'file'", "Content-Type");
        }
        Part part = request.getPart("file");
        if (part == null) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "MISSING_REQUEST_PARAM.GMP_GATEWAY_API",
                    "The multipart body needs a part named 'file'", "file");
        }
        byte[] file = part.getInputStream().readAllBytes();
        if (file.length > type.maxBytes()) {
            throw new SandboxRefusal(413, SandboxRefusal.Kind.TOO_LARGE, "INVALID_REQUEST_CONTENT.GMP_GATEWAY_API",
                    "Feed file exceeds " + type.maxBytes() + " bytes for feedType " + type.name(), "file");
        }
        SandboxRateLimiter.Take take = limit("feed." + type.name(), type.perHour() / 3600.0, type.perHour());
        String feedId = UUID.randomUUID().toString().replace("-", "").toUpperCase() + "@AUoBAQA";
        AsyncJob job = new AsyncJob(feedId, type.name());
        feeds.put(feedId, job);
        stats.updateRequest();
        jobs.submit(job, j -> processFeed(type.name(), file));
        return ok(SandboxJson.object().put("feedId", feedId), take);
    }

    /** Item outcome in a processed feed. */
    private record ItemStatus(String sku, int index, String status, String code, String description) {
    }

    private List<ItemStatus> processFeed(String type, byte[] file) {
        JsonNode feed;
        try {
            feed = SandboxJson.parse(file);
        } catch (RuntimeException e) {
            throw new IllegalStateException("ERR_INVALID_JSON: the feed file is not valid JSON");
        }
        List<ItemStatus> out = new ArrayList<>();
        switch (type) {
            case "inventory" -> {
                requireFeedShape(feed, JsonShape.object()
                        .required("InventoryHeader", JsonShape.object().required("version", JsonShape.oneOf("1.4")))
                        .required("Inventory", JsonShape.array(JsonShape.object().open(), 1, 100000)));
                int i = 0;
                for (JsonNode item : feed.get("Inventory")) {
                    out.add(applyItem(i++, item, INVENTORY, o -> o.quantity = item.get("quantity").get("amount").intValue()));
                }
            }
            case "MP_INVENTORY" -> {
                requireFeedShape(feed, JsonShape.object()
                        .required("inventoryHeader", JsonShape.object().required("version", JsonShape.oneOf("1.5")))
                        .required("inventory", JsonShape.array(JsonShape.object().open(), 1, 100000)));
                JsonShape item = JsonShape.object().required("sku", JsonShape.string(1, 50))
                        .required("shipNodes", JsonShape.array(JsonShape.object().required("shipNode", JsonShape.string())
                                .required("quantity", QUANTITY), 1, 100));
                int i = 0;
                for (JsonNode it : feed.get("inventory")) {
                    out.add(applyItem(i++, it, item, o -> o.quantity = it.get("shipNodes").valueStream()
                            .mapToInt(n -> n.get("quantity").get("amount").intValue()).sum()));
                }
            }
            case "price" -> {
                requireFeedShape(feed, JsonShape.object()
                        .required("PriceHeader", JsonShape.object().required("version", JsonShape.oneOf("1.7")))
                        .required("Price", JsonShape.array(JsonShape.object().open(), 1, 10000)));
                int i = 0;
                for (JsonNode item : feed.get("Price")) {
                    out.add(applyItem(i++, item, PRICE, o -> applyPricing(o, item.get("pricing"))));
                }
            }
            default -> {
                requireFeedShape(feed, JsonShape.object()
                        .required("MPItemFeedHeader", JsonShape.object().open())
                        .required("MPItem", JsonShape.array(JsonShape.object().open(), 1, 10000)));
                JsonShape item = JsonShape.object().required("Orderable", JsonShape.object().required("sku", JsonShape.string(1, 50)).open())
                        .optional("Visible", JsonShape.object().open());
                int i = 0;
                for (JsonNode it : feed.get("MPItem")) {
                    ObjectNode flattened = SandboxJson.object();
                    flattened.setAll((ObjectNode) it);
                    ItemStatus status = applyItem(i++, it, item, o -> applyContent(o, it), it.path("Orderable").path("sku").asString(""));
                    out.add(status);
                }
            }
        }
        return out;
    }

    private static void requireFeedShape(JsonNode feed, JsonShape shape) {
        List<JsonShape.Violation> v = shape.check(feed);
        if (!v.isEmpty()) {
            throw new IllegalStateException("ERR_EXT_DATA_0801001: the feed file does not match its schema: " + v.get(0));
        }
    }

    private ItemStatus applyItem(int index, JsonNode item, JsonShape shape, java.util.function.Consumer<SandboxOffer> change) {
        return applyItem(index, item, shape, change, item.path("sku").asString(""));
    }

    private ItemStatus applyItem(int index, JsonNode item, JsonShape shape, java.util.function.Consumer<SandboxOffer> change, String sku) {
        List<JsonShape.Violation> v = shape.check(item);
        if (!v.isEmpty()) {
            return new ItemStatus(sku, index, "DATA_ERROR", "ERR_EXT_DATA_0101102", "Invalid item: " + v.get(0));
        }
        SandboxOffer o = offers.find(sku).orElse(null);
        if (o == null) {
            return new ItemStatus(sku, index, "DATA_ERROR", "ERR_EXT_DATA_0101101", "SKU " + sku + " is not set up for this seller.");
        }
        if (faults.rejects(sku)) {
            return new ItemStatus(sku, index, "DATA_ERROR", "ERR_EXT_DATA_0101211", "The item was rejected (sandbox fault).");
        }
        offers.change(() -> {
            change.accept(o);
            o.touched();
            return null;
        });
        stats.itemsUpdated(1);
        return new ItemStatus(sku, index, "SUCCESS", null, null);
    }

    private static void applyContent(SandboxOffer o, JsonNode item) {
        JsonNode orderable = item.get("Orderable");
        if (orderable.has("productName")) {
            o.title = orderable.get("productName").asString();
        }
        JsonNode ids = orderable.path("productIdentifiers");
        if (ids.has("productId")) {
            o.ean = ids.get("productId").asString();
        }
        for (var category : item.path("Visible").properties()) {
            JsonNode c = category.getValue();
            if (c.has("shortDescription")) {
                o.description = c.get("shortDescription").asString();
            }
            List<String> images = new ArrayList<>();
            if (c.has("mainImageUrl")) {
                images.add(c.get("mainImageUrl").asString());
            }
            c.path("productSecondaryImageURL").forEach(n -> images.add(n.asString()));
            if (!images.isEmpty()) {
                o.images = images;
            }
            o.attributes.put("category", category.getKey());
        }
    }

    @GetMapping("/v3/feeds/{feedId}")
    @SuppressWarnings("unchecked")
    ResponseEntity<String> feedStatus(HttpServletRequest request, @PathVariable String feedId,
            @RequestParam(defaultValue = "false") boolean includeDetails, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        authorize(request);
        if (limit < 1 || limit > 50 || offset < 0) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_GATEWAY_API", "limit must be 1..50, offset >= 0", "limit");
        }
        AsyncJob job = feeds.get(feedId);
        if (job == null) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "CONTENT_NOT_FOUND.GMP_FEED_API", "Feed " + feedId + " not found", "feedId");
        }
        ObjectNode out = SandboxJson.object().put("feedId", feedId).put("feedType", (String) job.input);
        out.put("feedStatus", switch (job.state) {
            case QUEUED -> "RECEIVED";
            case IN_PROGRESS -> "INPROGRESS";
            case DONE -> "PROCESSED";
            case FAILED -> "ERROR";
        });
        out.put("feedSubmissionDate", job.created.toEpochMilli());
        List<ItemStatus> items = job.result == null ? List.of() : (List<ItemStatus>) job.result;
        out.put("itemsReceived", items.size());
        out.put("itemsSucceeded", items.stream().filter(i -> i.status().equals("SUCCESS")).count());
        out.put("itemsFailed", items.stream().filter(i -> !i.status().equals("SUCCESS")).count());
        out.put("itemsProcessing", job.state == AsyncJob.State.DONE ? 0 : items.size());
        out.put("offset", offset).put("limit", limit);
        if (job.state == AsyncJob.State.FAILED) {
            String failure = job.failure == null ? "ERR_EXT_DATA_0801001: feed rejected" : job.failure;
            int colon = failure.indexOf(':');
            out.putObject("ingestionErrors").putArray("ingestionError").addObject().put("type", "DATA_ERROR")
                    .put("code", colon > 0 ? failure.substring(0, colon) : "ERR_EXT_DATA_0801001")
                    .put("description", colon > 0 ? failure.substring(colon + 1).trim() : failure);
        }
        if (includeDetails) {
            ArrayNode details = out.putObject("itemDetails").putArray("itemIngestionStatus");
            items.stream().skip(offset).limit(limit).forEach(i -> {
                ObjectNode d = details.addObject().put("martId", 0).put("sku", i.sku()).put("index", i.index())
                        .put("ingestionStatus", i.status());
                if (i.code() != null) {
                    d.putObject("ingestionErrors").putArray("ingestionError").addObject().put("type", "DATA_ERROR")
                            .put("code", i.code()).put("description", i.description());
                }
            });
        }
        return ok(out, null);
    }

    // ---------------------------------------------------------------- items

    @GetMapping("/v3/items")
    ResponseEntity<String> items(HttpServletRequest request, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String nextCursor, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) String sku) {
        authorize(request);
        if (limit < 1 || limit > 200) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_ITEM_QUERY_API", "limit must be 1..200", "limit");
        }
        int start = offset;
        if (nextCursor != null && !nextCursor.equals("*")) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(nextCursor), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_ITEM_QUERY_API", "Invalid nextCursor", "nextCursor");
            }
        }
        int from = start;
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all().stream().filter(o -> sku == null || o.sku.equals(sku)).toList();
            ObjectNode out = SandboxJson.object();
            ArrayNode list = out.putArray("ItemResponse");
            all.stream().skip(from).limit(limit).forEach(o -> list.add(item(o)));
            out.put("totalItems", all.size());
            if (from + limit < all.size()) {
                out.put("nextCursor", Base64.getUrlEncoder().encodeToString(String.valueOf(from + limit).getBytes(StandardCharsets.UTF_8)));
            }
            return ok(out, null);
        });
    }

    @GetMapping("/v3/items/{id}")
    ResponseEntity<String> itemById(HttpServletRequest request, @PathVariable String id,
            @RequestParam(defaultValue = "SKU") String productIdType) {
        authorize(request);
        return offers.change(() -> {
            SandboxOffer o = offers.all().stream().filter(x -> switch (productIdType) {
                case "SKU" -> x.sku.equals(id);
                case "GTIN", "UPC", "EAN" -> x.ean != null && (x.ean.equals(id) || gtin(x.ean).equals(gtin(id)));
                case "ITEM_ID" -> id.equals(x.ids.get("wpid"));
                default -> false;
            }).findFirst().orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND,
                    "CONTENT_NOT_FOUND.GMP_ITEM_QUERY_API", "Item not found", "id"));
            ObjectNode out = SandboxJson.object();
            out.putArray("ItemResponse").add(item(o));
            out.put("totalItems", 1);
            return ok(out, null);
        });
    }

    private static String gtin(String code) {
        return "0".repeat(Math.max(0, 14 - code.length())) + code;
    }

    private static ObjectNode item(SandboxOffer o) {
        ObjectNode n = SandboxJson.object().put("mart", "WALMART_US").put("sku", o.sku).put("wpid", o.ids.get("wpid"));
        if (o.ean != null) {
            n.put("gtin", gtin(o.ean));
        }
        n.put("productName", o.title);
        if (o.price != null) {
            n.putObject("price").put("currency", o.currency).put("amount", o.price);
        }
        n.put("publishedStatus", "PUBLISHED").put("lifecycleStatus", "ACTIVE");
        n.putObject("unpublishedReasons").putArray("reason");
        return n;
    }

    // ---------------------------------------------------------------- orders

    @GetMapping({"/v3/orders", "/v3/orders/released"})
    ResponseEntity<String> orders(HttpServletRequest request, @RequestParam(required = false) String createdStartDate,
            @RequestParam(required = false) String lastModifiedStartDate, @RequestParam(required = false) String lastModifiedEndDate,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") String limit,
            @RequestParam(required = false) String soIndex) {
        authorize(request);
        int lim;
        try {
            lim = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            lim = -1;
        }
        if (lim < 1 || lim > 200) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_ORDER_API", "limit must be 1..200", "limit");
        }
        Instant now = Instant.now();
        Instant createdFrom = parseDate(createdStartDate, "createdStartDate", now.minus(Duration.ofDays(7)));
        Instant modifiedFrom = parseDate(lastModifiedStartDate, "lastModifiedStartDate", null);
        Instant modifiedTo = parseDate(lastModifiedEndDate, "lastModifiedEndDate", null);
        boolean released = request.getRequestURI().endsWith("/released");
        int start = soIndex == null ? 0 : Integer.parseInt(soIndex);
        List<SandboxOrder> selected = orders.all().stream()
                .filter(o -> modifiedFrom != null ? !o.updated.isBefore(modifiedFrom) : !o.created.isBefore(createdFrom))
                .filter(o -> modifiedTo == null || !o.updated.isAfter(modifiedTo))
                .filter(o -> status == null || status.equals(o.status == SandboxOrder.Status.CANCELLED ? "Cancelled" : "Created"))
                .filter(o -> !released || o.status == SandboxOrder.Status.OPEN)
                .toList();
        ObjectNode out = SandboxJson.object();
        ObjectNode list = out.putObject("list");
        ObjectNode meta = list.putObject("meta").put("totalCount", selected.size()).put("limit", lim);
        if (start + lim < selected.size()) {
            meta.put("nextCursor", "?limit=" + lim + "&hasMoreElements=true&soIndex=" + (start + lim)
                    + (lastModifiedStartDate != null ? "&lastModifiedStartDate=" + lastModifiedStartDate : "&createdStartDate=" + createdFrom));
        }
        ArrayNode arr = list.putObject("elements").putArray("order");
        selected.stream().skip(start).limit(lim).forEach(o -> arr.add(order(o)));
        return ok(out, null);
    }

    private static Instant parseDate(String value, String name, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_PARAM.GMP_ORDER_API",
                    name + " must be yyyy-MM-dd or ISO-8601 UTC", name);
        }
    }

    private ObjectNode order(SandboxOrder o) {
        boolean cancelled = o.status == SandboxOrder.Status.CANCELLED;
        ObjectNode n = SandboxJson.object().put("purchaseOrderId", o.orderId).put("customerOrderId", "5" + o.orderId.substring(1))
                .put("orderDate", o.created.toEpochMilli());
        n.putObject("shippingInfo").put("estimatedShipDate", o.created.plus(Duration.ofDays(1)).toEpochMilli()).put("methodCode", "Value");
        ArrayNode lines = n.putObject("orderLines").putArray("orderLine");
        int number = 1;
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            ObjectNode line = lines.addObject().put("lineNumber", String.valueOf(number++));
            line.putObject("item").put("productName", offer == null ? l.sku() : offer.title).put("sku", l.sku());
            line.putObject("orderLineQuantity").put("unitOfMeasurement", "EACH").put("amount", String.valueOf(l.quantity()));
            line.putObject("charges").putArray("charge").addObject().put("chargeType", "PRODUCT").put("chargeName", "ItemPrice")
                    .putObject("chargeAmount").put("currency", "USD").put("amount", offer == null || offer.price == null ? BigDecimal.ONE : offer.price);
            line.put("statusDate", o.updated.toEpochMilli());
            line.putObject("orderLineStatuses").putArray("orderLineStatus").addObject().put("status", cancelled ? "Cancelled" : "Created")
                    .putObject("statusQuantity").put("unitOfMeasurement", "EACH").put("amount", String.valueOf(l.quantity()));
            line.putObject("fulfillment").put("fulfillmentOption", "S2H").put("shipMethod", "VALUE");
        }
        return n;
    }

    // ---------------------------------------------------------------- webhooks

    private static final JsonShape SUBSCRIBE = JsonShape.object().required("events", JsonShape.array(JsonShape.object()
            .required("eventType", JsonShape.string())
            .required("eventVersion", JsonShape.string())
            .required("resourceName", JsonShape.string())
            .required("eventUrl", JsonShape.string(1, 2000))
            .required("status", JsonShape.oneOf("ACTIVE", "INACTIVE"))
            .optional("authDetails", JsonShape.object()
                    .required("authMethod", JsonShape.oneOf("HMAC", "BASIC_AUTH", "OAUTH"))
                    .optional("clientSecret", JsonShape.string())
                    .optional("clientId", JsonShape.string())
                    .optional("userName", JsonShape.string())
                    .optional("password", JsonShape.string())
                    .optional("authUrl", JsonShape.string())
                    .optional("authHeaderName", JsonShape.string()))
            .optional("headers", JsonShape.object().open()), 1, 50));

    @PostMapping("/v3/webhooks/subscriptions")
    ResponseEntity<String> subscribeWebhooks(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        JsonNode body = jsonBody(request, bytes);
        requireShape(body, SUBSCRIBE, "INVALID_REQUEST_CONTENT.GMP_NOTIFICATION_API");
        ObjectNode out = SandboxJson.object();
        ArrayNode events = out.putArray("events");
        for (JsonNode e : body.get("events")) {
            String type = e.get("eventType").asString();
            if (!Set.of("PO_CREATED", "PO_LINE_AUTOCANCELLED", "ORDER_UPDATES").contains(type)) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST_CONTENT.GMP_NOTIFICATION_API",
                        "Unsupported eventType " + type + " (sandbox: PO_CREATED, PO_LINE_AUTOCANCELLED, ORDER_UPDATES)", "eventType");
            }
            if ("ACTIVE".equals(e.get("status").asString())) {
                webhookEvents.put(type, e);
            } else {
                webhookEvents.remove(type);
            }
            events.addObject().put("eventType", type).put("subscriptionId", UUID.randomUUID().toString())
                    .put("partnerId", "10001234567").put("eventVersion", e.get("eventVersion").asString())
                    .put("resourceName", e.get("resourceName").asString()).put("status", e.get("status").asString());
        }
        return ok(out, null);
    }

    /**
     * The control subscription subscribes PO_CREATED and PO_LINE_AUTOCANCELLED as a connector would: HMAC
     * authentication keyed with the client secret, in header {@code X-Walmart-Auth}.
     */
    @Override
    public void subscribe(String url) {
        ObjectNode e = SandboxJson.object().put("eventType", "PO_CREATED").put("eventUrl", url);
        e.putObject("authDetails").put("authMethod", "HMAC").put("clientSecret", clientSecret()).put("authHeaderName", "X-Walmart-Auth");
        webhookEvents.put("PO_CREATED", e);
        webhookEvents.put("PO_LINE_AUTOCANCELLED", e.deepCopy().put("eventType", "PO_LINE_AUTOCANCELLED"));
        super.subscribe(url);
    }

    @Override
    protected void notifyOrder(SandboxOrder order, boolean cancelled) {
        String eventType = cancelled ? "PO_LINE_AUTOCANCELLED" : "PO_CREATED";
        JsonNode sub = webhookEvents.getOrDefault(eventType, webhookEvents.get("ORDER_UPDATES"));
        if (sub == null) {
            return;
        }
        ObjectNode msg = SandboxJson.object();
        msg.putObject("source").put("eventType", eventType).put("eventTime", Instant.now().toString())
                .put("eventId", UUID.randomUUID().toString());
        ObjectNode payload = msg.putObject("payload").put("partnerId", "10001234567").put("purchaseOrderId", order.orderId)
                .put("customerOrderId", "5" + order.orderId.substring(1)).put("orderDate", order.created.toString());
        if (webhookEvents.get(eventType) == null) {
            payload.put("subEventType", eventType);
        }
        ArrayNode lines = payload.putArray("orderLines");
        int number = 1;
        for (SandboxOrder.Line l : order.lines) {
            ObjectNode line = lines.addObject().put("lineNumber", String.valueOf(number++)).put("sku", l.sku());
            line.putObject("quantity").put("unitOfMeasure", "EACH").put("measurementValue", l.quantity());
            if (cancelled) {
                line.put("status", "Cancelled");
            }
        }
        String body = SandboxJson.write(msg);
        Map<String, String> headers = new LinkedHashMap<>();
        sub.path("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("content-type")) {
                headers.put(h.getKey(), h.getValue().asString());
            }
        });
        JsonNode auth = sub.path("authDetails");
        String headerName = auth.path("authHeaderName").asString("Authorization");
        switch (auth.path("authMethod").asString("")) {
            case "HMAC" -> headers.put(headerName, Signatures.hmacSha256Hex(auth.path("clientSecret").asString(""), body));
            case "BASIC_AUTH" -> headers.put(headerName, "Basic " + Base64.getEncoder().encodeToString(
                    (auth.path("userName").asString("") + ":" + auth.path("password").asString("")).getBytes(StandardCharsets.UTF_8)));
            default -> { }
        }
        notifications.send(slug(), sub.get("eventUrl").asString(), body, headers);
    }
}
