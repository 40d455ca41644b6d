package dev.omnisync.sandbox.temu;

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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Temu's partner API as wire/temu.md describes it: one router, the operation in {@code type}, common and
 * business parameters flat in one signed body (uppercase MD5 of secret + sorted key+value + secret), the
 * {@code success/errorCode/errorMsg/result} envelope with HTTP 200 for every outcome, 20 requests/s per app.
 */
@RestController
@RequestMapping("/sandbox/temu")
@SandboxEnabled
public class TemuSandbox extends SandboxMarketplace {

    static final long MALL_ID = 634418210000000L;
    private static final Set<String> COMMON = Set.of("type", "app_key", "access_token", "timestamp", "data_type", "sign", "version");
    private static final Set<String> EVENTS = Set.of("bg_order_status_change_event", "bg_cancel_order_status_change");

    private final Set<String> stockRequestKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> subscribedEvents = ConcurrentHashMap.newKeySet();

    public TemuSandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
        registerSellerToken();
    }

    @Override
    public String slug() {
        return "temu";
    }

    private String appKey() {
        return settings.credential("temu", "app-key", "sandboxtemuappkey0000000000000001");
    }

    private String appSecret() {
        return settings.credential("temu", "app-secret", "sandbox_temu_secret_0123456789");
    }

    private String sellerToken() {
        return settings.credential("temu", "access-token", "sandbox-temu-access-token");
    }

    private String authCode() {
        return settings.credential("temu", "auth-code", "sandbox-temu-auth-code");
    }

    private void registerSellerToken() {
        tokens.register(sellerToken(), Duration.ofDays(365), Set.of("all"));
    }

    @Override
    public Map<String, String> credentials() {
        return map("appKey", appKey(), "appSecret", appSecret(), "accessToken", sellerToken(), "authCode", authCode(),
                "mallId", String.valueOf(MALL_ID), "currency", "EUR");
    }

    @Override
    protected void assignIds(SandboxOffer offer) {
        offer.ids.put("goodsId", "6010995" + digits(8));
        offer.ids.put("skuId", "175921860" + digits(5));
    }

    /** A seeded offer may name its goods ({@code "goodsId"}) so that SKUs share one goods. */
    @Override
    public SandboxOffer seed(JsonNode item) {
        SandboxOffer o = super.seed(item);
        offers.change(() -> {
            Object goods = o.attributes.remove("goodsId");
            if (goods != null) {
                o.ids.put("goodsId", goods.toString());
            }
            return null;
        });
        return o;
    }

    @Override
    protected String newOrderId() {
        return "PO-211-" + digits(17);
    }

    @Override
    protected void resetChannel() {
        stockRequestKeys.clear();
        subscribedEvents.clear();
        registerSellerToken();
    }

    // ---------------------------------------------------------------- envelope

    private static String requestId() {
        return "eu-" + UUID.randomUUID();
    }

    private static ResponseEntity<String> success(JsonNode result) {
        ObjectNode out = SandboxJson.object().put("success", true).put("errorCode", 1000000).put("errorMsg", "").put("requestId", requestId());
        out.set("result", result);
        return SandboxJson.respond(200, out);
    }

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        long code;
        try {
            code = Long.parseLong(r.code);
        } catch (NumberFormatException e) {
            code = switch (r.kind) {
                case RATE_LIMIT -> 4000004;
                case SERVER, TIMEOUT -> 4000000;
                default -> 3000000;
            };
        }
        ObjectNode out = SandboxJson.object().put("success", false).put("errorCode", code)
                .put("errorMsg", r.kind == SandboxRefusal.Kind.RATE_LIMIT ? "RATE_LIMIT_EXCEED_EXCEPTION" : r.getMessage())
                .put("requestId", requestId());
        out.putNull("result");
        // Temu answers gateway and business errors with HTTP 200 (judge by success); injected 5xx/timeouts keep their status.
        int status = r.kind == SandboxRefusal.Kind.SERVER || r.kind == SandboxRefusal.Kind.TIMEOUT ? r.status : 200;
        return SandboxJson.respond(status, out, r.headers);
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "4000004", "RATE_LIMIT_EXCEED_EXCEPTION");
    }

    private static SandboxRefusal fail(long code, String message) {
        return new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, String.valueOf(code), message);
    }

    // ---------------------------------------------------------------- signing

    /** UPPER(hex(MD5(secret + sorted(key + value) + secret))), nested values as compact JSON, null values skipped. */
    public static String sign(String secret, JsonNode body) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (var e : body.properties()) {
            if (!e.getKey().equals("sign") && !e.getValue().isNull()) {
                sorted.put(e.getKey(), e.getValue());
            }
        }
        StringBuilder sb = new StringBuilder(secret);
        sorted.forEach((k, v) -> sb.append(k).append((v.isObject() || v.isArray()) ? SandboxJson.write(v) : v.asString()));
        sb.append(secret);
        return Signatures.md5HexUpper(sb.toString());
    }

    @PostMapping("/openapi/router")
    ResponseEntity<String> router(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw fail(3000000, "Content-Type must be application/json");
        }
        JsonNode body;
        try {
            body = SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw fail(3000000, "The request body is not valid JSON");
        }
        if (!body.isObject()) {
            throw fail(3000000, "The request body must be a JSON object");
        }
        String type = body.path("type").asString(null);
        if (type == null || type.isBlank()) {
            throw fail(3000002, "type is missing");
        }
        if (!body.has("app_key")) {
            throw fail(3000019, "app_key is missing");
        }
        if (!appKey().equals(body.get("app_key").asString())) {
            throw fail(3000020, "app_key is unknown");
        }
        limit("app", 20, 20);
        if (!body.path("timestamp").isIntegralNumber() && !body.path("timestamp").isString()) {
            throw fail(3000010, "timestamp is missing");
        }
        long ts;
        try {
            ts = Long.parseLong(body.get("timestamp").asString());
        } catch (NumberFormatException e) {
            throw fail(3000010, "timestamp must be 10-digit Unix seconds");
        }
        long now = Instant.now().getEpochSecond();
        if (ts > now + 300) {
            throw fail(3000011, "timestamp is in the future");
        }
        if (ts < now - 300) {
            throw fail(3000012, "timestamp has expired");
        }
        if (!body.has("data_type")) {
            throw fail(3000013, "data_type is missing");
        }
        if (!"JSON".equalsIgnoreCase(body.get("data_type").asString())) {
            throw fail(3000014, "data_type must be JSON");
        }
        if (!body.has("sign")) {
            throw fail(3000040, "sign is missing");
        }
        if (!Signatures.same(sign(appSecret(), body), body.get("sign").asString())) {
            throw fail(3000001, "sign is invalid: UPPER(MD5(app_secret + sorted key+value of every parameter but sign + app_secret))");
        }
        if (!body.has("access_token") || body.get("access_token").asString().isBlank()) {
            throw fail(3000030, "access_token is missing");
        }
        if (type.equals("bg.open.accesstoken.create")) {
            return createToken(body);
        }
        SandboxTokens.Check check = tokens.check(body.get("access_token").asString());
        if (check == SandboxTokens.Check.EXPIRED) {
            throw fail(3000034, "access_token has expired or was replaced; the seller must authorize again");
        }
        if (check != SandboxTokens.Check.VALID) {
            throw fail(3000031, "access_token is unknown");
        }
        ObjectNode params = SandboxJson.object();
        body.properties().forEach(e -> {
            if (!COMMON.contains(e.getKey())) {
                params.set(e.getKey(), e.getValue());
            }
        });
        return switch (type) {
            case "bg.open.accesstoken.info.get" -> success(tokenInfo(body.get("access_token").asString()));
            case "bg.local.goods.stock.edit" -> stockEdit(params);
            case "bg.local.goods.priceorder.change.sku.price" -> priceChange(params);
            case "bg.local.goods.partial.update" -> partialUpdate(params);
            case "temu.local.sku.list.retrieve" -> skuList(params);
            case "bg.local.goods.sku.list.query" -> skuListQuery(params);
            case "bg.order.list.v2.get" -> orderList(params);
            case "bg.order.detail.v2.get" -> orderDetail(params);
            case "bg.tmc.message.update" -> tmcUpdate(params);
            default -> throw fail(3000003, "type " + type + " is unknown");
        };
    }

    private void requireParams(ObjectNode params, JsonShape shape) {
        List<JsonShape.Violation> v = shape.check(params);
        if (!v.isEmpty()) {
            throw fail(3000000, "bad params: " + v.get(0));
        }
    }

    private ResponseEntity<String> createToken(JsonNode body) {
        if (!authCode().equals(body.path("code").asString(body.get("access_token").asString()))) {
            throw fail(110020002, "invalid code");
        }
        SandboxTokens.Issued t = tokens.issue("uplv3", Duration.ofDays(365), Set.of("all"));
        return success(tokenInfo(t.token()));
    }

    private ObjectNode tokenInfo(String token) {
        SandboxTokens.Issued t = tokens.get(token);
        ObjectNode r = SandboxJson.object().put("accessToken", token).put("mallId", MALL_ID)
                .put("expiredTime", t == null ? 0 : t.expires().getEpochSecond());
        ArrayNode scopes = r.putArray("apiScopeList");
        List.of("bg.local.goods.stock.edit", "bg.local.goods.priceorder.change.sku.price", "bg.local.goods.partial.update",
                "temu.local.sku.list.retrieve", "bg.local.goods.sku.list.query", "bg.order.list.v2.get", "bg.order.detail.v2.get",
                "bg.tmc.message.update").forEach(scopes::add);
        ArrayNode events = r.putArray("appSubscribeEventCodeList");
        EVENTS.forEach(events::add);
        r.putArray("authEventCodeList");
        return r;
    }

    private List<SandboxOffer> goods(JsonNode goodsId) {
        if (goodsId == null || !goodsId.isIntegralNumber()) {
            throw fail(150010003, "goodsId is required (a number)");
        }
        String id = goodsId.asString();
        List<SandboxOffer> skus = offers.all().stream().filter(o -> id.equals(o.ids.get("goodsId"))).toList();
        if (skus.isEmpty()) {
            throw fail(150010188, "goods " + id + " does not belong to this mall");
        }
        return skus;
    }

    // ---------------------------------------------------------------- stock

    private static final JsonShape STOCK = JsonShape.object()
            .required("goodsId", JsonShape.integer(1, Long.MAX_VALUE))
            .optional("skuStockTargetList", JsonShape.array(JsonShape.object()
                    .required("skuId", JsonShape.integer(1, Long.MAX_VALUE)).required("stockTarget", JsonShape.integer(Long.MIN_VALUE, Long.MAX_VALUE)), 1, 500))
            .optional("skuStockChangeList", JsonShape.array(JsonShape.object()
                    .required("skuId", JsonShape.integer(1, Long.MAX_VALUE)).required("stockDiff", JsonShape.integer(Long.MIN_VALUE, Long.MAX_VALUE)), 1, 500))
            .optional("requestUniqueKey", JsonShape.string(1, 100));

    private ResponseEntity<String> stockEdit(ObjectNode params) {
        requireParams(params, STOCK);
        boolean absolute = params.has("skuStockTargetList");
        if (absolute == params.has("skuStockChangeList")) {
            throw fail(150013003, "send either skuStockTargetList or skuStockChangeList, not both (nor neither)");
        }
        List<SandboxOffer> skus = offers.change(() -> goods(params.get("goodsId")));
        JsonNode list = absolute ? params.get("skuStockTargetList") : params.get("skuStockChangeList");
        Set<Long> seen = new HashSet<>();
        for (JsonNode s : list) {
            if (!seen.add(s.get("skuId").longValue())) {
                throw fail(150013001, "skuId " + s.get("skuId").asString() + " is repeated");
            }
            if (absolute && (s.get("stockTarget").longValue() < 0 || s.get("stockTarget").longValue() > 999999)) {
                throw fail(150013002, "Quantity must be between 0 and 1000000");
            }
            if (skus.stream().noneMatch(o -> s.get("skuId").asString().equals(o.ids.get("skuId")))) {
                throw fail(150010189, "skuId " + s.get("skuId").asString() + " does not belong to goods " + params.get("goodsId").asString());
            }
        }
        String key = params.path("requestUniqueKey").asString(null);
        boolean replay = key != null && !stockRequestKeys.add(key);
        ObjectNode result = SandboxJson.object().put("goodsId", params.get("goodsId").longValue()).put("operateResult", true).put("msg", "");
        ArrayNode statuses = result.putArray("skuStockEditStatusInfoList");
        int changed = 0;
        for (JsonNode s : list) {
            SandboxOffer o = skus.stream().filter(x -> s.get("skuId").asString().equals(x.ids.get("skuId"))).findFirst().orElseThrow();
            ObjectNode st = statuses.addObject().put("skuId", s.get("skuId").longValue());
            if (!replay && faults.rejects(o.sku)) {
                st.put("stockEditStatus", false).put("errorCode", 150010002).put("errorMsg", "The SKU was rejected (sandbox fault)");
                continue;
            }
            if (!replay) {
                offers.change(() -> {
                    o.quantity = absolute ? s.get("stockTarget").intValue() : Math.max(0, o.quantity + s.get("stockDiff").intValue());
                    o.touched();
                    return null;
                });
                changed++;
            }
            st.put("stockEditStatus", true).putNull("errorCode").putNull("errorMsg");
        }
        if (changed > 0) {
            stats.updateRequest();
            stats.itemsUpdated(changed);
        }
        return success(result);
    }

    // ---------------------------------------------------------------- price

    private static final JsonShape PRICE = JsonShape.object()
            .required("goodsId", JsonShape.integer(1, Long.MAX_VALUE))
            .required("changeSkuPriceDTOList", JsonShape.array(JsonShape.object()
                    .required("reason", JsonShape.string(1, 500))
                    .required("skuChangePriceBaseDTOList", JsonShape.array(JsonShape.object()
                            .required("skuId", JsonShape.integer(1, Long.MAX_VALUE))
                            .required("newSupplierPrice", JsonShape.object().required("amount", JsonShape.decimalString(BigDecimal.ZERO))
                                    .required("currency", JsonShape.string(3, 3))), 1, 500)), 1, 50))
            .optional("rejectSkuPricing", JsonShape.bool());

    private ResponseEntity<String> priceChange(ObjectNode params) {
        requireParams(params, PRICE);
        List<SandboxOffer> skus = offers.change(() -> goods(params.get("goodsId")));
        Set<Long> seen = new HashSet<>();
        Set<String> reasons = new HashSet<>();
        for (JsonNode change : params.get("changeSkuPriceDTOList")) {
            if (!reasons.add(change.get("reason").asString())) {
                throw fail(150010191, "reason is repeated");
            }
            for (JsonNode s : change.get("skuChangePriceBaseDTOList")) {
                if (!seen.add(s.get("skuId").longValue())) {
                    throw fail(150010190, "skuId " + s.get("skuId").asString() + " is repeated");
                }
                if (skus.stream().noneMatch(o -> s.get("skuId").asString().equals(o.ids.get("skuId")))) {
                    throw fail(150010189, "skuId " + s.get("skuId").asString() + " does not belong to goods " + params.get("goodsId").asString());
                }
                if (new BigDecimal(s.get("newSupplierPrice").get("amount").asString()).scale() > 2) {
                    throw fail(150011018, "too many decimals for the currency");
                }
            }
        }
        ObjectNode result = SandboxJson.object();
        ArrayNode ok = result.putArray("successSkuList");
        ArrayNode failed = result.putArray("failedSkuList");
        ObjectNode reasonsMap = result.putObject("failedSkuReasonMap");
        ArrayNode priceOrders = result.putArray("successPriceOrderList");
        int changed = 0;
        for (JsonNode change : params.get("changeSkuPriceDTOList")) {
            ArrayNode orderSkus = SandboxJson.array();
            for (JsonNode s : change.get("skuChangePriceBaseDTOList")) {
                SandboxOffer o = skus.stream().filter(x -> s.get("skuId").asString().equals(x.ids.get("skuId"))).findFirst().orElseThrow();
                BigDecimal amount = new BigDecimal(s.get("newSupplierPrice").get("amount").asString());
                if (faults.rejects(o.sku) || amount.signum() <= 0) {
                    failed.add(s.get("skuId").longValue());
                    reasonsMap.put(s.get("skuId").asString(), "Invalid newSupplierPrice for skuId: " + s.get("skuId").asString());
                    continue;
                }
                offers.change(() -> {
                    o.price = amount;
                    o.currency = s.get("newSupplierPrice").get("currency").asString();
                    o.touched();
                    return null;
                });
                changed++;
                ok.add(s.get("skuId").longValue());
                orderSkus.add(s.get("skuId").longValue());
            }
            if (!orderSkus.isEmpty()) {
                priceOrders.addObject().put("priceOrderSn", "PO" + digits(10)).set("skuIdList", orderSkus);
            }
        }
        if (changed > 0) {
            stats.updateRequest();
            stats.itemsUpdated(changed);
        }
        return success(result);
    }

    // ---------------------------------------------------------------- content

    private static final JsonShape PARTIAL = JsonShape.object()
            .required("goodsId", JsonShape.integer(1, Long.MAX_VALUE))
            .optional("goodsBasic", JsonShape.object()
                    .optional("goodsName", JsonShape.string(1, 500))
                    .optional("catId", JsonShape.integer(1, Long.MAX_VALUE))
                    .optional("goodsGallery", JsonShape.object()
                            .optional("goodsCarouselImage", JsonShape.array(JsonShape.string(1, 2000), 3, 10))
                            .optional("detailImage", JsonShape.array(JsonShape.string(1, 2000), 0, 49))))
            .optional("goodsDesc", JsonShape.string(0, 2000))
            .optional("bulletPoints", JsonShape.array(JsonShape.string(1, 200), 0, 5))
            .optional("goodsSizeImage", JsonShape.array(JsonShape.string()))
            .optional("goodsSizeChartList", JsonShape.array(JsonShape.object().open()))
            .optional("skuList", JsonShape.array(JsonShape.object()
                    .optional("skuId", JsonShape.integer(1, Long.MAX_VALUE))
                    .optional("weight", JsonShape.string()).optional("weightUnit", JsonShape.string())
                    .optional("length", JsonShape.string()).optional("width", JsonShape.string()).optional("height", JsonShape.string())
                    .optional("volumeUnit", JsonShape.string()).optional("images", JsonShape.array(JsonShape.string()))
                    .optional("outSkuSn", JsonShape.string(0, 100))
                    .optional("basePrice", JsonShape.object().open()).optional("quantity", JsonShape.integer(0, 999999))
                    .optional("specIdList", JsonShape.array(JsonShape.anything())), 0, 500));

    private ResponseEntity<String> partialUpdate(ObjectNode params) {
        requireParams(params, PARTIAL);
        List<SandboxOffer> skus = offers.change(() -> goods(params.get("goodsId")));
        for (JsonNode s : params.path("skuList")) {
            if (!s.has("skuId")) {
                throw fail(150010003, "creating SKUs through partial update is not supported by the sandbox; existing SKU entries need skuId");
            }
            if (s.has("basePrice") || s.has("quantity") || s.has("specIdList")) {
                throw fail(150010003, "existing SKUs must not carry basePrice, quantity or specIdList (use the stock and price APIs)");
            }
            if (skus.stream().noneMatch(o -> s.get("skuId").asString().equals(o.ids.get("skuId")))) {
                throw fail(150010189, "skuId " + s.get("skuId").asString() + " does not belong to the goods");
            }
            if (s.has("weight") && !(s.get("weight").asString().matches("\\d+(\\.\\d+)?") && new BigDecimal(s.get("weight").asString()).signum() > 0)) {
                throw fail(150010026, "weight must be > 0");
            }
        }
        if (params.path("goodsDesc").asString("").matches("(?s).*<[a-zA-Z/].*")) {
            throw fail(150010012, "goodsDesc must be plain text (no rich text)");
        }
        for (SandboxOffer s : skus) {
            if (faults.rejects(s.sku)) {
                throw fail(150010110, "editing is disabled while the goods are under review (sandbox fault)");
            }
        }
        offers.change(() -> {
            for (SandboxOffer o : skus) {
                JsonNode basic = params.path("goodsBasic");
                if (basic.has("goodsName")) {
                    o.title = basic.get("goodsName").asString();
                }
                if (basic.has("catId")) {
                    o.attributes.put("catId", basic.get("catId").asString());
                }
                if (params.has("goodsDesc")) {
                    o.description = params.get("goodsDesc").asString();
                }
                if (basic.path("goodsGallery").has("goodsCarouselImage")) {
                    o.images = basic.get("goodsGallery").get("goodsCarouselImage").valueStream().map(JsonNode::asString).toList();
                }
                for (String key : List.of("bulletPoints", "goodsSizeImage", "goodsSizeChartList")) {
                    if (params.has(key)) {
                        o.attributes.put(key, SandboxJson.MAPPER.treeToValue(params.get(key), Object.class));
                    }
                }
                for (JsonNode s : params.path("skuList")) {
                    if (s.get("skuId").asString().equals(o.ids.get("skuId"))) {
                        o.attributes.put("sku", SandboxJson.MAPPER.treeToValue(s, Object.class));
                    }
                }
                o.touched();
            }
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(skus.size());
        ObjectNode result = SandboxJson.object().put("goodsId", params.get("goodsId").longValue()).put("productType", 1);
        ArrayNode infos = result.putArray("skuInfoList");
        skus.forEach(o -> infos.addObject().put("skuId", Long.parseLong(o.ids.get("skuId"))).put("outSkuSn", o.sku).putArray("specList"));
        return success(result);
    }

    // ---------------------------------------------------------------- listing

    private ResponseEntity<String> skuList(ObjectNode params) {
        requireParams(params, JsonShape.object()
                .optional("skuSearchType", JsonShape.oneOf("ACTIVE", "INACTIVE", "INCOMPLETE", "DRAFT", "DELETED"))
                .optional("pageSize", JsonShape.integer(1, 100)).optional("pageToken", JsonShape.string())
                .optional("outSkuSnList", JsonShape.array(JsonShape.string(), 0, 200)).optional("skuIdList", JsonShape.array(JsonShape.anything(), 0, 200))
                .optional("goodsIdList", JsonShape.array(JsonShape.anything(), 0, 100)).optional("outGoodsSnList", JsonShape.array(JsonShape.string(), 0, 100))
                .optional("catIdList", JsonShape.array(JsonShape.anything(), 0, 100)));
        int pageSize = params.path("pageSize").asInt(25);
        int start = page(params.path("pageToken").asString(""));
        Set<String> wanted = new HashSet<>();
        params.path("outSkuSnList").forEach(n -> wanted.add(n.asString()));
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all().stream().filter(o -> wanted.isEmpty() || wanted.contains(o.sku)).toList();
            ObjectNode result = SandboxJson.object().put("total", all.size());
            result.putObject("pagination").put("nextToken", start + pageSize < all.size() ? token(start + pageSize) : "")
                    .put("previousToken", start > 0 ? token(Math.max(0, start - pageSize)) : "");
            ArrayNode list = result.putArray("skuList");
            all.stream().skip(start).limit(pageSize).forEach(o -> list.addObject().put("goodsId", o.ids.get("goodsId"))
                    .put("skuId", o.ids.get("skuId")).put("outSkuSn", o.sku).put("outGoodsSn", o.sku).put("goodsName", o.title)
                    .put("skuStatus", "ACTIVE").put("catId", "29123").put("specName", ""));
            return success(result);
        });
    }

    private ResponseEntity<String> skuListQuery(ObjectNode params) {
        requireParams(params, JsonShape.object().required("pageNo", JsonShape.integer(1, Integer.MAX_VALUE))
                .required("pageSize", JsonShape.integer(1, 100)).optional("skuSearchType", JsonShape.integer(0, 10)));
        int pageSize = params.get("pageSize").intValue();
        int start = (params.get("pageNo").intValue() - 1) * pageSize;
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all();
            ObjectNode result = SandboxJson.object().put("total", all.size());
            ArrayNode list = result.putArray("skuList");
            all.stream().skip(start).limit(pageSize).forEach(o -> {
                ObjectNode s = list.addObject().put("skuId", Long.parseLong(o.ids.get("skuId"))).put("goodsId", Long.parseLong(o.ids.get("goodsId")))
                        .put("skuSn", o.sku).put("stock", o.quantity).put("goodsIsOnSale", true);
                s.putObject("retailPrice").put("amount", o.price == null ? "0" : o.price.toPlainString()).put("currency", o.currency);
            });
            return success(result);
        });
    }

    private static int page(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw fail(3000000, "bad params: pageToken");
        }
    }

    private static String token(int start) {
        return Base64.getUrlEncoder().encodeToString(String.valueOf(start).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- orders

    private ResponseEntity<String> orderList(ObjectNode params) {
        requireParams(params, JsonShape.object()
                .optional("pageNumber", JsonShape.integer(1, Integer.MAX_VALUE)).optional("pageSize", JsonShape.integer(1, 100))
                .optional("updateAtStart", JsonShape.integer(0, Long.MAX_VALUE)).optional("updateAtEnd", JsonShape.integer(0, Long.MAX_VALUE))
                .optional("parentOrderStatus", JsonShape.integer(0, 5)).optional("parentOrderSnList", JsonShape.array(JsonShape.string(), 0, 20))
                .optional("sortby", JsonShape.string()).optional("createAfter", JsonShape.integer(0, Long.MAX_VALUE))
                .optional("createBefore", JsonShape.integer(0, Long.MAX_VALUE)).optional("regionId", JsonShape.integer(0, Long.MAX_VALUE)));
        if (params.has("updateAtStart") != params.has("updateAtEnd")) {
            throw fail(3000000, "bad params: updateAtStart and updateAtEnd must be given together");
        }
        long from = params.path("updateAtStart").asLong(0);
        long to = params.path("updateAtEnd").asLong(Long.MAX_VALUE);
        int status = params.path("parentOrderStatus").asInt(0);
        int pageSize = params.path("pageSize").asInt(100);
        int start = (params.path("pageNumber").asInt(1) - 1) * pageSize;
        Set<String> wanted = new HashSet<>();
        params.path("parentOrderSnList").forEach(n -> wanted.add(n.asString()));
        List<SandboxOrder> selected = orders.all().stream()
                .filter(o -> o.updated.getEpochSecond() >= from && o.updated.getEpochSecond() <= to)
                .filter(o -> status == 0 || status == parentStatus(o))
                .filter(o -> wanted.isEmpty() || wanted.contains(o.orderId)).toList();
        ObjectNode result = SandboxJson.object().put("totalItemNum", selected.size());
        ArrayNode items = result.putArray("pageItems");
        selected.stream().skip(start).limit(pageSize).forEach(o -> items.add(order(o)));
        return success(result);
    }

    private ResponseEntity<String> orderDetail(ObjectNode params) {
        requireParams(params, JsonShape.object().required("parentOrderSn", JsonShape.string(1, 100)));
        SandboxOrder o = orders.find(params.get("parentOrderSn").asString())
                .orElseThrow(() -> fail(2000000, "parent order not found"));
        return success(order(o));
    }

    private static int parentStatus(SandboxOrder o) {
        return o.status == SandboxOrder.Status.CANCELLED ? 3 : 2;
    }

    private ObjectNode order(SandboxOrder o) {
        ObjectNode item = SandboxJson.object();
        item.putObject("parentOrderMap").put("parentOrderSn", o.orderId).put("parentOrderStatus", parentStatus(o))
                .put("parentOrderTime", o.created.getEpochSecond()).put("updateTime", o.updated.getEpochSecond())
                .put("regionId", 211).put("siteId", 100).put("orderPaymentType", "PPD");
        ArrayNode list = item.putArray("orderList");
        int k = 0;
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            boolean cancelled = o.status == SandboxOrder.Status.CANCELLED;
            ObjectNode s = list.addObject().put("orderSn", o.orderId.substring(3) + "-" + (++k))
                    .put("goodsId", offer == null ? 0 : Long.parseLong(offer.ids.get("goodsId")))
                    .put("skuId", offer == null ? 0 : Long.parseLong(offer.ids.get("skuId")))
                    .put("quantity", cancelled ? 0 : l.quantity()).put("originalOrderQuantity", l.quantity())
                    .put("canceledQuantityBeforeShipment", cancelled ? l.quantity() : 0).put("orderStatus", parentStatus(o))
                    .put("fulfillmentType", "fulfillBySeller").put("isCancelledDuringPending", false).put("spec", "");
            s.putArray("productList").addObject().put("productSkuId", offer == null ? 0 : Long.parseLong(offer.ids.get("skuId")))
                    .put("productId", 0).put("extCode", l.sku()).put("soldFactor", 1);
        }
        return item;
    }

    // ---------------------------------------------------------------- webhooks

    private ResponseEntity<String> tmcUpdate(ObjectNode params) {
        requireParams(params, JsonShape.object().optional("permitEventCodeList", JsonShape.array(JsonShape.string(), 0, 20))
                .optional("cancelEventCodeList", JsonShape.array(JsonShape.string(), 0, 20)));
        limit("tmc", 1, 1);
        params.path("permitEventCodeList").forEach(n -> subscribedEvents.add(n.asString()));
        params.path("cancelEventCodeList").forEach(n -> subscribedEvents.remove(n.asString()));
        return success(SandboxJson.object().put("result", true));
    }

    @Override
    protected void notifyOrder(SandboxOrder order, boolean cancelled) {
        String url = webhookUrl;
        String event = cancelled ? "bg_cancel_order_status_change" : "bg_order_status_change_event";
        if (url == null || !(subscribedEvents.isEmpty() || subscribedEvents.contains(event))) {
            return;
        }
        ObjectNode data = SandboxJson.object().put("mallId", MALL_ID).put("parentOrderSn", order.orderId);
        if (cancelled) {
            data.put("parentAfterSalesSn", "PA-" + digits(12)).put("parentAfterSalesStatus", 5).put("updateAt", order.updated.toEpochMilli())
                    .put("applyOperatorRole", 1);
        } else {
            data.put("orderSn", order.orderId.substring(3) + "-1").put("orderStatus", 2).put("updateTime", order.updated.getEpochSecond());
        }
        String plain = SandboxJson.write(data);
        String ts = String.valueOf(System.currentTimeMillis());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-tm-app-key", appKey());
        headers.put("x-tm-event-code", event);
        headers.put("x-tm-timestamp", ts);
        headers.put("x-tm-ext-param", "{}");
        headers.put("x-tm-signature", webhookSignature(appSecret(), plain, headers));
        String body = SandboxJson.write(SandboxJson.object().put("eventData", encrypt(appSecret(), plain)));
        notifications.send(slug(), url, body, headers);
    }

    /** hex HMAC-SHA256(secret) over sorted key+value of eventData (decrypted) and the x-tm-* headers, blanks skipped. */
    public static String webhookSignature(String secret, String eventData, Map<String, String> headers) {
        TreeMap<String, String> sorted = new TreeMap<>();
        sorted.put("eventData", eventData);
        headers.forEach((k, v) -> {
            if (!k.equals("x-tm-signature")) {
                sorted.put(k, v);
            }
        });
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                sb.append(k).append(v);
            }
        });
        return Signatures.hmacSha256Hex(secret, sb.toString());
    }

    /** base64(AES-128-CBC/PKCS5(text)) with key and IV = the first 16 bytes of the app secret. */
    public static String encrypt(String secret, String text) {
        try {
            byte[] key = java.util.Arrays.copyOf(secret.getBytes(StandardCharsets.UTF_8), 16);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key));
            return Base64.getEncoder().encodeToString(cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
