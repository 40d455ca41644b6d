package dev.omnisync.sandbox.tiktok;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.ResponseEntity;
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
 * TikTok Shop as wire/tiktok-shop.md describes it: every API call signed (HMAC-SHA256 over app_secret + path +
 * sorted query + body + app_secret), access token in {@code x-tts-access-token}, {@code shop_cipher} on
 * shop-scoped calls, one product per inventory/price call with per-SKU errors inside {@code code: 0}
 * answers, one order line per unit, webhooks signed with HMAC(app_secret, app_key + body).
 */
@RestController
@RequestMapping("/sandbox/tiktok")
@SandboxEnabled
public class TiktokSandbox extends SandboxMarketplace {

    static final String WAREHOUSE = "7068517275539719942";
    static final String SHOP_ID = "7494049642642441621";
    static final int BAD_PARAM = 12019001;

    private final AtomicReference<String> currentRefreshToken = new AtomicReference<>();

    public TiktokSandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
    }

    @Override
    public String slug() {
        return "tiktok";
    }

    @Override
    protected String defaultCurrency() {
        return "GBP";
    }

    private String appKey() {
        return settings.credential("tiktok", "app-key", "sandboxtiktokapp01");
    }

    private String appSecret() {
        return settings.credential("tiktok", "app-secret", "sandbox-tiktok-app-secret-0001");
    }

    private String authCode() {
        return settings.credential("tiktok", "auth-code", "sandbox-tiktok-auth-code");
    }

    private String cipher() {
        return settings.credential("tiktok", "shop-cipher", "ROW_sandboxCipher01");
    }

    @Override
    public Map<String, String> credentials() {
        return map("appKey", appKey(), "appSecret", appSecret(), "authCode", authCode(), "shopCipher", cipher(),
                "shopId", SHOP_ID, "warehouseId", WAREHOUSE, "currency", "GBP", "region", "GB");
    }

    @Override
    public boolean isAuthPath(String path) {
        return path.startsWith("/api/v2/token/");
    }

    @Override
    protected void assignIds(SandboxOffer offer) {
        offer.ids.put("product_id", "17295929" + digits(11));
        offer.ids.put("sku_id", "17295929" + digits(11));
    }

    /** A seeded offer may name its product ({@code "productId"}) so that variants share one product. */
    @Override
    public SandboxOffer seed(JsonNode item) {
        SandboxOffer o = super.seed(item);
        offers.change(() -> {
            Object product = o.attributes.remove("productId");
            if (product != null) {
                o.ids.put("product_id", product.toString());
            }
            return null;
        });
        return o;
    }

    @Override
    protected String newOrderId() {
        return "5764863169" + digits(8);
    }

    @Override
    protected void resetChannel() {
        currentRefreshToken.set(null);
    }

    // ---------------------------------------------------------------- envelope and errors

    private static String requestId() {
        return Instant.now().toString().replaceAll("\\D", "") + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static ResponseEntity<String> success(JsonNode data) {
        ObjectNode out = SandboxJson.object().put("code", 0).put("message", "Success");
        out.set("data", data == null ? SandboxJson.object() : data);
        out.put("request_id", requestId());
        return SandboxJson.respond(200, out);
    }

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        int code;
        try {
            code = Integer.parseInt(r.code);
        } catch (NumberFormatException e) {
            code = switch (r.kind) {
                case RATE_LIMIT -> 36009002;
                case SERVER -> 36009003;
                case TIMEOUT -> 36009007;
                case NOT_FOUND -> 36009009;
                default -> BAD_PARAM;
            };
        }
        ObjectNode out = SandboxJson.object().put("code", code).put("message", r.getMessage());
        out.putNull("data");
        out.put("request_id", requestId());
        return SandboxJson.respond(r.status, out, r.headers);
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "36009002", "Too many requests, please retry later.");
    }

    private static SandboxRefusal bad(String message) {
        return new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, String.valueOf(BAD_PARAM), message);
    }

    // ---------------------------------------------------------------- tokens

    @GetMapping("/api/v2/token/get")
    ResponseEntity<String> tokenGet(@RequestParam Map<String, String> q) {
        if (!appKey().equals(q.get("app_key")) || !appSecret().equals(q.get("app_secret"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36004004", "invalid app_key or app_secret");
        }
        if (!"authorized_code".equals(q.get("grant_type"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "36004005", "grant_type must be authorized_code");
        }
        if (!authCode().equals(q.get("auth_code"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36004006", "invalid or expired auth_code");
        }
        return issue();
    }

    @GetMapping("/api/v2/token/refresh")
    ResponseEntity<String> tokenRefresh(@RequestParam Map<String, String> q) {
        if (!appKey().equals(q.get("app_key")) || !appSecret().equals(q.get("app_secret"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36004004", "invalid app_key or app_secret");
        }
        if (!"refresh_token".equals(q.get("grant_type"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "36004005", "grant_type must be refresh_token");
        }
        String given = q.get("refresh_token");
        if (given == null || !given.equals(currentRefreshToken.get())) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36004007", "invalid or expired refresh_token");
        }
        return issue();
    }

    private ResponseEntity<String> issue() {
        SandboxTokens.Issued t = tokens.issue("ROW_", Duration.ofDays(7), Set.of("seller.product.basic", "seller.product.write", "seller.order.info"));
        String refresh = "ROW_Rf" + UUID.randomUUID().toString().replace("-", "");
        currentRefreshToken.set(refresh); // rotation: the previous refresh token stops working
        ObjectNode data = SandboxJson.object().put("access_token", t.token()).put("access_token_expire_in", t.expires().getEpochSecond())
                .put("refresh_token", refresh).put("refresh_token_expire_in", Instant.now().plus(Duration.ofDays(365)).getEpochSecond())
                .put("open_id", "_VIzSandbox").put("seller_name", "Sandbox Shop").put("seller_base_region", "GB").put("user_type", 0);
        ArrayNode scopes = data.putArray("granted_scopes");
        t.scopes().forEach(scopes::add);
        ObjectNode out = SandboxJson.object().put("code", 0).put("message", "success").put("request_id", requestId());
        out.set("data", data);
        return SandboxJson.respond(200, out);
    }

    // ---------------------------------------------------------------- signing

    /** hex HMAC-SHA256(secret, secret + path + sorted(key+value) + body + secret). */
    public static String sign(String secret, String path, Map<String, String> query, byte[] body) {
        StringBuilder sb = new StringBuilder(secret).append(path);
        new TreeMap<>(query).forEach((k, v) -> {
            if (!k.equals("sign") && !k.equals("access_token")) {
                sb.append(k).append(v);
            }
        });
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = secret.getBytes(StandardCharsets.UTF_8);
        byte[] b = body == null ? new byte[0] : body;
        byte[] all = new byte[head.length + b.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(b, 0, all, head.length, b.length);
        System.arraycopy(tail, 0, all, head.length + b.length, tail.length);
        return Signatures.hmacSha256Hex(secret, all);
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> out = new TreeMap<>();
        String raw = request.getQueryString();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            }
        }
        return out;
    }

    /** Checks app_key, timestamp window, sign, token header and (for shop-scoped calls) shop_cipher. */
    private Map<String, String> authenticate(HttpServletRequest request, byte[] body, boolean shopScoped) {
        Map<String, String> q = query(request);
        if (!appKey().equals(q.get("app_key"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36009004", "Invalid app_key: the app_key query parameter is missing or unknown.");
        }
        long ts;
        try {
            ts = Long.parseLong(q.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36009004", "Invalid timestamp: send 10-digit Unix seconds.");
        }
        long now = Instant.now().getEpochSecond();
        if (ts < now - 300 || ts > now + 30) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36009004", "Invalid timestamp: it is outside the accepted window.");
        }
        String given = q.get("sign");
        String mounted = request.getRequestURI().substring(request.getContextPath().length());
        String apiPath = mounted.substring("/sandbox/tiktok".length());
        boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/form-data");
        byte[] signedBody = multipart ? null : body;
        if (given == null || !(Signatures.same(sign(appSecret(), apiPath, q, signedBody), given)
                || Signatures.same(sign(appSecret(), mounted, q, signedBody), given))) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "106001",
                    "Invalid credentials. The 'sign' query parameter is invalid. Sign app_secret + path + sorted query (without sign, access_token) + body + app_secret.");
        }
        String token = request.getHeader("x-tts-access-token");
        if (token == null || token.isBlank()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36009004", "Invalid access token: the x-tts-access-token header is missing.");
        }
        SandboxTokens.Check check = tokens.check(token);
        if (check == SandboxTokens.Check.EXPIRED) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "105002", "Access token is expired, please refresh it.");
        }
        if (check != SandboxTokens.Check.VALID) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.AUTH, "36009004", "Invalid access token.");
        }
        if (shopScoped && !cipher().equals(q.get("shop_cipher"))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "106013", "Invalid shop_cipher: it is missing or does not belong to the token's seller.");
        }
        String ct = request.getContentType();
        if (body != null && body.length > 0 && (ct == null || !ct.startsWith("application/json"))) {
            throw bad("content-type must be application/json");
        }
        return q;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw bad("The request body is not valid JSON.");
        }
    }

    @GetMapping("/authorization/202309/shops")
    ResponseEntity<String> shops(HttpServletRequest request) {
        authenticate(request, null, false);
        ObjectNode data = SandboxJson.object();
        data.putArray("shops").addObject().put("id", SHOP_ID).put("name", "Sandbox Shop").put("region", "GB")
                .put("seller_type", "LOCAL").put("code", "GBSANDBOX1").put("cipher", cipher());
        return success(data);
    }

    // ---------------------------------------------------------------- inventory / price

    private static final JsonShape INVENTORY = JsonShape.object().required("skus", JsonShape.array(JsonShape.object()
            .required("id", JsonShape.string(1, 40))
            .required("inventory", JsonShape.array(JsonShape.object()
                    .optional("warehouse_id", JsonShape.string(1, 40))
                    .required("quantity", JsonShape.integer(0, Integer.MAX_VALUE)), 1, 100)), 1, 100));

    private static final JsonShape MONEY = JsonShape.object()
            .required("amount", JsonShape.decimalString(null))
            .required("currency", JsonShape.string(3, 3));

    private static final JsonShape PRICES = JsonShape.object().required("skus", JsonShape.array(JsonShape.object()
            .required("id", JsonShape.string(1, 40))
            .required("price", JsonShape.object().required("amount", JsonShape.decimalString(null))
                    .required("currency", JsonShape.string(3, 3)).optional("sale_price", JsonShape.decimalString(null)))
            .optional("list_price", MONEY)
            .optional("external_list_prices", JsonShape.array(JsonShape.object().open())), 1, 100));

    private List<SandboxOffer> product(String productId) {
        List<SandboxOffer> skus = offers.all().stream().filter(o -> productId.equals(o.ids.get("product_id"))).toList();
        if (skus.isEmpty()) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "12052048", "The product does not exist: " + productId);
        }
        return skus;
    }

    private static ObjectNode skuError(String skuId, int code, String message) {
        ObjectNode e = SandboxJson.object().put("code", code).put("message", message);
        e.putObject("detail").put("sku_id", skuId);
        return e;
    }

    @PostMapping("/product/202309/products/{productId}/inventory/update")
    ResponseEntity<String> inventory(HttpServletRequest request, @PathVariable String productId, @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes, true);
        limit("inventory", 50, 50);
        JsonNode body = json(bytes);
        requireShape(body, INVENTORY, String.valueOf(BAD_PARAM));
        List<SandboxOffer> skus = offers.change(() -> product(productId));
        ArrayNode errors = SandboxJson.array();
        int changed = 0;
        for (JsonNode s : body.get("skus")) {
            String id = s.get("id").asString();
            SandboxOffer o = skus.stream().filter(x -> id.equals(x.ids.get("sku_id"))).findFirst().orElse(null);
            if (o == null) {
                errors.add(skuError(id, 12052230, "The SKU does not belong to product " + productId));
                continue;
            }
            int total = 0;
            String problem = null;
            for (JsonNode w : s.get("inventory")) {
                if (w.has("warehouse_id") && !WAREHOUSE.equals(w.get("warehouse_id").asString())) {
                    ObjectNode e = skuError(id, 12052097, "The warehouse does not exist");
                    ((ObjectNode) e.get("detail")).putArray("extra_errors").addObject().put("warehouse_id", w.get("warehouse_id").asString())
                            .put("code", 12052097).put("message", "The warehouse does not exist");
                    errors.add(e);
                    problem = "warehouse";
                    break;
                }
                int q = w.get("quantity").intValue();
                if (q > 99999) {
                    errors.add(skuError(id, 12052213, "Quantity must be less than 99999 per warehouse"));
                    problem = "quantity";
                    break;
                }
                total += q;
            }
            if (problem != null) {
                continue;
            }
            if (faults.rejects(o.sku)) {
                errors.add(skuError(id, 12052900, "The SKU was rejected (sandbox fault)"));
                continue;
            }
            int qty = total;
            offers.change(() -> {
                o.quantity = qty;
                o.touched();
                return null;
            });
            changed++;
        }
        if (changed > 0) {
            stats.updateRequest();
            stats.itemsUpdated(changed);
        }
        ObjectNode data = SandboxJson.object();
        if (!errors.isEmpty()) {
            data.set("errors", errors);
        }
        return success(data);
    }

    @PostMapping("/product/202309/products/{productId}/prices/update")
    ResponseEntity<String> prices(HttpServletRequest request, @PathVariable String productId, @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes, true);
        limit("prices", 50, 50);
        JsonNode body = json(bytes);
        requireShape(body, PRICES, String.valueOf(BAD_PARAM));
        List<SandboxOffer> skus = offers.change(() -> product(productId));
        ArrayNode errors = SandboxJson.array();
        int changed = 0;
        for (JsonNode s : body.get("skus")) {
            String id = s.get("id").asString();
            SandboxOffer o = skus.stream().filter(x -> id.equals(x.ids.get("sku_id"))).findFirst().orElse(null);
            if (o == null) {
                errors.add(skuError(id, 12052230, "The SKU does not belong to product " + productId));
                continue;
            }
            String currency = s.get("price").get("currency").asString();
            BigDecimal amount = new BigDecimal(s.get("price").get("amount").asString());
            if (!defaultCurrency().equals(currency)) {
                errors.add(skuError(id, 12052701, "The currency must be the shop's currency " + defaultCurrency()));
                continue;
            }
            if (amount.compareTo(new BigDecimal("0.01")) < 0 || amount.compareTo(new BigDecimal("5600")) > 0) {
                errors.add(skuError(id, 12052702, "The price must be between 0.01 and 5600 GBP"));
                continue;
            }
            if (faults.rejects(o.sku)) {
                errors.add(skuError(id, 12052900, "The SKU was rejected (sandbox fault)"));
                continue;
            }
            offers.change(() -> {
                o.price = amount;
                o.currency = currency;
                o.touched();
                return null;
            });
            changed++;
        }
        if (changed > 0) {
            stats.updateRequest();
            stats.itemsUpdated(changed);
        }
        ObjectNode data = SandboxJson.object();
        if (!errors.isEmpty()) {
            data.set("errors", errors);
        }
        return success(data);
    }

    // ---------------------------------------------------------------- content

    private static final JsonShape PARTIAL_EDIT = JsonShape.object()
            .optional("title", JsonShape.string(1, 255))
            .optional("description", JsonShape.string(1, 10000))
            .optional("main_images", JsonShape.array(JsonShape.object().required("uri", JsonShape.string(1, 500)), 1, 9))
            .optional("category_id", JsonShape.string())
            .optional("category_version", JsonShape.oneOf("v1", "v2"))
            .optional("brand_id", JsonShape.string())
            .optional("product_attributes", JsonShape.array(JsonShape.object().open()))
            .optional("manufacturer_ids", JsonShape.array(JsonShape.string()))
            .optional("responsible_person_ids", JsonShape.array(JsonShape.string()))
            .optional("certifications", JsonShape.array(JsonShape.object().open()))
            .optional("package_weight", JsonShape.object().open())
            .optional("package_dimensions", JsonShape.object().open())
            .optional("size_chart", JsonShape.object().open())
            .optional("video", JsonShape.object().open());

    @PostMapping("/product/202309/products/{productId}/partial_edit")
    ResponseEntity<String> partialEdit(HttpServletRequest request, @PathVariable String productId, @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes, true);
        limit("content", 20, 20);
        JsonNode body = json(bytes);
        if (body.has("skus")) {
            throw bad("skus in partial_edit replace the product's SKU list; the sandbox refuses them (send SKUs with the full edit).");
        }
        requireShape(body, PARTIAL_EDIT, String.valueOf(BAD_PARAM));
        if (body.has("description") && body.get("description").asString().matches("(?s).*<(?!/?(p|img|ul|ol|li|br|strong|b|i|em|u)\\b)[a-zA-Z].*")) {
            throw bad("description may only use the tags p img ul ol li br strong b i em u");
        }
        List<SandboxOffer> skus = offers.change(() -> product(productId));
        for (SandboxOffer s : skus) {
            if (faults.rejects(s.sku)) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "12052900", "The product was rejected (sandbox fault)");
            }
        }
        offers.change(() -> {
            for (SandboxOffer o : skus) {
                if (body.has("title")) {
                    o.title = body.get("title").asString();
                }
                if (body.has("description")) {
                    o.description = body.get("description").asString();
                }
                if (body.has("main_images")) {
                    o.images = body.get("main_images").valueStream().map(n -> n.get("uri").asString()).toList();
                }
                for (var e : body.properties()) {
                    if (!Set.of("title", "description", "main_images").contains(e.getKey())) {
                        o.attributes.put(e.getKey(), SandboxJson.MAPPER.treeToValue(e.getValue(), Object.class));
                    }
                }
                o.attributes.put("status", "PENDING");
                o.touched();
            }
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(skus.size());
        // Content edits send a live product back to review; the sandbox's review passes after the processing delay.
        jobs.submit(new dev.omnisync.sandbox.AsyncJob("review-" + productId + "-" + UUID.randomUUID(), productId), job -> offers.change(() -> {
            skus.forEach(o -> o.attributes.put("status", "ACTIVATE"));
            return null;
        }));
        ObjectNode data = SandboxJson.object().put("product_id", productId);
        ArrayNode out = data.putArray("skus");
        skus.forEach(o -> out.addObject().put("id", o.ids.get("sku_id")).put("seller_sku", o.sku).putArray("sales_attributes"));
        return success(data);
    }

    // ---------------------------------------------------------------- GPSR parties (added for the connector)

    private static final JsonShape PHONE = JsonShape.object().optional("country_code", JsonShape.string()).optional("local_number", JsonShape.string());

    /** Registers a GPSR manufacturer (name and email required; address as one line) and answers its id. */
    @PostMapping("/product/202409/compliance/manufacturers")
    ResponseEntity<String> manufacturer(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes, true);
        requireShape(json(bytes), JsonShape.object().required("name", JsonShape.string(1, 200)).required("email", JsonShape.string(3, 200))
                .optional("phone_number", PHONE).required("address", JsonShape.string(1, 500))
                .optional("registered_trade_name", JsonShape.string()).optional("locale", JsonShape.string()), String.valueOf(BAD_PARAM));
        return success(SandboxJson.object().put("manufacturer_id", "74" + digits(17)));
    }

    /** Registers a GPSR EU responsible person (name, email, structured address) and answers its id. */
    @PostMapping("/product/202409/compliance/responsible_persons")
    ResponseEntity<String> responsiblePerson(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes, true);
        requireShape(json(bytes), JsonShape.object().required("name", JsonShape.string(1, 200)).required("email", JsonShape.string(3, 200))
                .optional("phone_number", PHONE).required("address", JsonShape.object().required("street_address_line1", JsonShape.string(1, 200))
                        .required("postal_code", JsonShape.string(1, 20)).required("country", JsonShape.string(2, 60)).optional("city", JsonShape.string())
                        .open()), String.valueOf(BAD_PARAM));
        return success(SandboxJson.object().put("responsible_person_id", "74" + digits(17)));
    }

    // ---------------------------------------------------------------- products

    @PostMapping("/product/202309/products/search")
    ResponseEntity<String> searchProducts(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        Map<String, String> q = authenticate(request, bytes, true);
        JsonNode body = bytes == null || bytes.length == 0 ? SandboxJson.object() : json(bytes);
        requireShape(body, JsonShape.object().optional("status", JsonShape.oneOf("ALL", "DRAFT", "PENDING", "FAILED", "ACTIVATE",
                "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED"))
                .optional("seller_skus", JsonShape.array(JsonShape.string(), 1, 100))
                .optional("create_time_ge", JsonShape.integer(0, Long.MAX_VALUE)).optional("create_time_le", JsonShape.integer(0, Long.MAX_VALUE))
                .optional("update_time_ge", JsonShape.integer(0, Long.MAX_VALUE)).optional("update_time_le", JsonShape.integer(0, Long.MAX_VALUE)),
                String.valueOf(BAD_PARAM));
        int pageSize = pageSize(q);
        int start = pageStart(q);
        Set<String> wanted = new HashSet<>();
        body.path("seller_skus").forEach(n -> wanted.add(n.asString()));
        return offers.change(() -> {
            Map<String, List<SandboxOffer>> byProduct = new TreeMap<>();
            for (SandboxOffer o : offers.all()) {
                if (wanted.isEmpty() || wanted.contains(o.sku)) {
                    byProduct.computeIfAbsent(o.ids.get("product_id"), k -> new ArrayList<>()).add(o);
                }
            }
            List<Map.Entry<String, List<SandboxOffer>>> all = new ArrayList<>(byProduct.entrySet());
            ObjectNode data = SandboxJson.object().put("total_count", all.size());
            data.put("next_page_token", start + pageSize < all.size() ? token(start + pageSize) : "");
            ArrayNode products = data.putArray("products");
            all.stream().skip(start).limit(pageSize).forEach(e -> products.add(productJson(e.getKey(), e.getValue(), false)));
            return success(data);
        });
    }

    @GetMapping("/product/202309/products/{productId}")
    ResponseEntity<String> getProduct(HttpServletRequest request, @PathVariable String productId) {
        authenticate(request, null, true);
        return offers.change(() -> success(productJson(productId, product(productId), true)));
    }

    private ObjectNode productJson(String productId, List<SandboxOffer> skus, boolean detail) {
        SandboxOffer first = skus.get(0);
        ObjectNode p = SandboxJson.object().put("id", productId).put("title", first.title)
                .put("status", String.valueOf(first.attributes.getOrDefault("status", "ACTIVATE")))
                .put("create_time", first.lastUpdated.getEpochSecond()).put("update_time", first.lastUpdated.getEpochSecond());
        p.putArray("sales_regions").add("GB");
        if (detail) {
            p.put("description", first.description);
            ArrayNode imgs = p.putArray("main_images");
            first.images.forEach(u -> imgs.addObject().put("uri", u));
        }
        ArrayNode out = p.putArray("skus");
        for (SandboxOffer o : skus) {
            ObjectNode s = out.addObject().put("id", o.ids.get("sku_id")).put("seller_sku", o.sku);
            s.putObject("price").put("currency", o.currency).put("tax_exclusive_price", o.price == null ? "0" : o.price.toPlainString())
                    .put("sale_price", o.price == null ? "0" : o.price.toPlainString());
            s.putArray("inventory").addObject().put("warehouse_id", WAREHOUSE).put("quantity", o.quantity);
            if (detail && o.ean != null) {
                s.putObject("identifier_code").put("code", o.ean).put("type", "EAN");
            }
        }
        return p;
    }

    private static int pageSize(Map<String, String> q) {
        try {
            int size = Integer.parseInt(q.getOrDefault("page_size", ""));
            if (size >= 1 && size <= 100) {
                return size;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw bad("page_size is required and must be 1..100");
    }

    private static int pageStart(Map<String, String> q) {
        String t = q.get("page_token");
        if (t == null || t.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(t), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw bad("invalid page_token");
        }
    }

    private static String token(int start) {
        return Base64.getUrlEncoder().encodeToString(String.valueOf(start).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- orders

    @PostMapping("/order/202309/orders/search")
    ResponseEntity<String> searchOrders(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        Map<String, String> q = authenticate(request, bytes, true);
        JsonNode body = bytes == null || bytes.length == 0 ? SandboxJson.object() : json(bytes);
        requireShape(body, JsonShape.object()
                .optional("order_status", JsonShape.string())
                .optional("create_time_ge", JsonShape.integer(0, Long.MAX_VALUE)).optional("create_time_lt", JsonShape.integer(0, Long.MAX_VALUE))
                .optional("update_time_ge", JsonShape.integer(0, Long.MAX_VALUE)).optional("update_time_lt", JsonShape.integer(0, Long.MAX_VALUE))
                .optional("shipping_type", JsonShape.string()).optional("buyer_user_id", JsonShape.string())
                .optional("is_buyer_request_cancel", JsonShape.bool()).optional("warehouse_ids", JsonShape.array(JsonShape.string())),
                String.valueOf(BAD_PARAM));
        int pageSize = pageSize(q);
        int start = pageStart(q);
        long ge = body.path("update_time_ge").asLong(0);
        long lt = body.path("update_time_lt").asLong(Long.MAX_VALUE);
        long cge = body.path("create_time_ge").asLong(0);
        long clt = body.path("create_time_lt").asLong(Long.MAX_VALUE);
        String status = body.path("order_status").asString(null);
        List<SandboxOrder> selected = orders.all().stream()
                .filter(o -> o.updated.getEpochSecond() >= ge && o.updated.getEpochSecond() < lt)
                .filter(o -> o.created.getEpochSecond() >= cge && o.created.getEpochSecond() < clt)
                .filter(o -> status == null || status.equals(status(o)))
                .sorted(java.util.Comparator.comparing(o -> o.updated)).toList();
        ObjectNode data = SandboxJson.object().put("total_count", selected.size())
                .put("next_page_token", start + pageSize < selected.size() ? token(start + pageSize) : "");
        ArrayNode list = data.putArray("orders");
        selected.stream().skip(start).limit(pageSize).forEach(o -> list.add(order(o)));
        return success(data);
    }

    @GetMapping("/order/202309/orders")
    ResponseEntity<String> getOrders(HttpServletRequest request) {
        Map<String, String> q = authenticate(request, null, true);
        String ids = q.get("ids");
        if (ids == null || ids.isBlank() || ids.split(",").length > 50) {
            throw bad("ids is required (comma-separated, at most 50)");
        }
        Set<String> wanted = Set.of(ids.split(","));
        ObjectNode data = SandboxJson.object();
        ArrayNode list = data.putArray("orders");
        orders.all().stream().filter(o -> wanted.contains(o.orderId)).forEach(o -> list.add(order(o)));
        return success(data);
    }

    private static String status(SandboxOrder o) {
        return o.status == SandboxOrder.Status.CANCELLED ? "CANCELLED" : "AWAITING_SHIPMENT";
    }

    private ObjectNode order(SandboxOrder o) {
        ObjectNode n = SandboxJson.object().put("id", o.orderId).put("status", status(o))
                .put("create_time", o.created.getEpochSecond()).put("update_time", o.updated.getEpochSecond())
                .put("fulfillment_type", "FULFILLMENT_BY_SELLER");
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode lines = SandboxJson.array();
        int k = 1;
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            BigDecimal price = offer == null || offer.price == null ? BigDecimal.ONE : offer.price;
            for (int i = 0; i < l.quantity(); i++) {
                total = total.add(price);
                ObjectNode li = lines.addObject().put("id", o.orderId.substring(0, 10) + "5" + String.format("%05d", k++))
                        .put("sku_id", offer == null ? null : offer.ids.get("sku_id")).put("seller_sku", l.sku())
                        .put("product_id", offer == null ? null : offer.ids.get("product_id")).put("display_status", status(o))
                        .put("sale_price", price.toPlainString()).put("currency", defaultCurrency());
                if (o.status == SandboxOrder.Status.CANCELLED) {
                    li.put("cancel_user", "BUYER").put("cancel_reason", "Buyer changed mind");
                }
            }
        }
        n.putObject("payment").put("currency", defaultCurrency()).put("total_amount", total.toPlainString());
        if (o.status == SandboxOrder.Status.CANCELLED) {
            n.put("cancellation_initiator", "BUYER").put("cancel_time", o.updated.getEpochSecond());
        }
        n.set("line_items", lines);
        return n;
    }

    // ---------------------------------------------------------------- webhooks

    @PutMapping("/event/202309/webhooks")
    ResponseEntity<String> webhook(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes, true);
        JsonNode body = json(bytes);
        requireShape(body, JsonShape.object().required("address", JsonShape.string(1, 2000)).required("event_type", JsonShape.string()),
                String.valueOf(BAD_PARAM));
        if (!Set.of("ORDER_STATUS_CHANGE", "CANCELLATION_STATUS_CHANGE").contains(body.get("event_type").asString())) {
            throw bad("event_type not supported by the sandbox (ORDER_STATUS_CHANGE, CANCELLATION_STATUS_CHANGE)");
        }
        subscribe(body.get("address").asString());
        return success(null);
    }

    @Override
    protected void notifyOrder(SandboxOrder order, boolean cancelled) {
        String url = webhookUrl;
        if (url == null) {
            return;
        }
        ObjectNode msg = SandboxJson.object().put("type", 1).put("tts_notification_id", digits(19)).put("shop_id", SHOP_ID)
                .put("timestamp", Instant.now().getEpochSecond());
        msg.putObject("data").put("order_id", order.orderId).put("order_status", cancelled ? "CANCEL" : "AWAITING_SHIPMENT")
                .put("is_on_hold_order", false).put("update_time", order.updated.getEpochSecond());
        String body = SandboxJson.write(msg);
        notifications.send(slug(), url, body, Map.of("Authorization", Signatures.hmacSha256Hex(appSecret(), appKey() + body)));
    }
}
