package dev.omnisync.sandbox.ebay;

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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** eBay's Sell APIs as wire/ebay.md describes them, strict on auth, scopes, shapes and the 25-request bulk limit. */
@RestController
@RequestMapping("/sandbox/ebay")
@SandboxEnabled
public class EbaySandbox extends SandboxMarketplace {

    static final String SCOPE_PREFIX = "https://api.ebay.com/oauth/api_scope";
    static final Set<String> USER_SCOPES = Set.of(SCOPE_PREFIX, SCOPE_PREFIX + "/sell.inventory",
            SCOPE_PREFIX + "/sell.inventory.readonly", SCOPE_PREFIX + "/sell.fulfillment",
            SCOPE_PREFIX + "/sell.fulfillment.readonly", SCOPE_PREFIX + "/commerce.notification.subscription",
            SCOPE_PREFIX + "/commerce.notification.subscription.readonly");
    private static final String KID = "sandbox-ebay-key-1";

    private final KeyPair signingKey;
    private final Map<String, ObjectNode> destinations = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    /** Revisions per listing today (eBay's 250/day rule). */
    private final Map<String, int[]> revisionsToday = new ConcurrentHashMap<>();
    private volatile LocalDate revisionDay = LocalDate.now(ZoneOffset.UTC);

    public EbaySandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            signingKey = generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String slug() {
        return "ebay";
    }

    @Override
    protected String defaultCurrency() {
        return "USD";
    }

    @Override
    public Map<String, String> credentials() {
        return map("clientId", clientId(), "clientSecret", clientSecret(), "refreshToken", refreshToken(),
                "authorizationCode", settings.credential("ebay", "auth-code", "sandbox-ebay-auth-code"),
                "scopes", String.join(" ", USER_SCOPES), "bulkMax", String.valueOf(bulkMax()));
    }

    private String clientId() {
        return settings.credential("ebay", "client-id", "sandbox-ebay-client-id");
    }

    private String clientSecret() {
        return settings.credential("ebay", "client-secret", "sandbox-ebay-client-secret");
    }

    private String refreshToken() {
        return settings.credential("ebay", "refresh-token", "sandbox-ebay-refresh-token");
    }

    private int bulkMax() {
        return settings.integer("ebay.bulk-max", 25);
    }

    @Override
    public boolean isAuthPath(String path) {
        return path.startsWith("/identity/");
    }

    @Override
    protected void assignIds(SandboxOffer offer) {
        offer.ids.put("offerId", digits(10));
        offer.ids.put("listingId", "2" + digits(11));
    }

    @Override
    protected String newOrderId() {
        return digits(2) + "-" + digits(5) + "-" + digits(5);
    }

    @Override
    protected void resetChannel() {
        destinations.clear();
        subscriptions.clear();
        revisionsToday.clear();
    }

    // ---------------------------------------------------------------- errors

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        int errorId;
        String domain = "API_INVENTORY";
        String category = "REQUEST";
        try {
            errorId = Integer.parseInt(r.code);
        } catch (NumberFormatException e) {
            errorId = switch (r.kind) {
                case AUTH -> 1001;
                case FORBIDDEN -> 1100;
                case RATE_LIMIT -> 2001;
                case NOT_FOUND -> 25710;
                case SERVER, TIMEOUT -> 25001;
                default -> 25002;
            };
        }
        if (r.kind == SandboxRefusal.Kind.AUTH || r.kind == SandboxRefusal.Kind.FORBIDDEN || r.kind == SandboxRefusal.Kind.RATE_LIMIT) {
            domain = "ACCESS";
        }
        if (r.kind == SandboxRefusal.Kind.SERVER || r.kind == SandboxRefusal.Kind.TIMEOUT) {
            category = "APPLICATION";
        }
        ObjectNode e = SandboxJson.object().put("errorId", errorId).put("domain", domain).put("category", category)
                .put("message", r.getMessage());
        if (r.kind == SandboxRefusal.Kind.RATE_LIMIT) {
            e.put("message", "Too many requests.").put("longMessage", "The request limit has been reached for the resource.");
        }
        if (r.field != null) {
            e.putArray("parameters").addObject().put("name", "fieldName").put("value", r.field);
        }
        ObjectNode body = SandboxJson.object();
        body.putArray("errors").add(e);
        return SandboxJson.respond(r.status, body, r.headers);
    }

    // ---------------------------------------------------------------- OAuth

    @PostMapping("/identity/v1/oauth2/token")
    ResponseEntity<String> token(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form) {
        String basic = request.getHeader("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId() + ":" + clientSecret()).getBytes(StandardCharsets.UTF_8));
        if (basic == null || !basic.equals(expected)) {
            return oauthError(401, "invalid_client", "client authentication failed");
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        String grant = form.getFirst("grant_type");
        Set<String> scopes = parseScopes(form.getFirst("scope"));
        if ("refresh_token".equals(grant)) {
            if (!refreshToken().equals(form.getFirst("refresh_token"))) {
                return oauthError(400, "invalid_grant",
                        "the provided authorization refresh token is invalid or was issued to another client");
            }
            Set<String> granted = scopes.isEmpty() ? USER_SCOPES : scopes;
            if (!USER_SCOPES.containsAll(granted)) {
                return oauthError(400, "invalid_scope", "the requested scope is invalid, unknown, malformed, or exceeds the scope granted to the refresh token");
            }
            SandboxTokens.Issued t = tokens.issue("v^1.1#i^1#sandbox#", Duration.ofSeconds(7200), granted);
            return SandboxJson.respond(200, SandboxJson.object().put("access_token", t.token()).put("expires_in", 7200)
                    .put("token_type", "User Access Token"));
        }
        if ("authorization_code".equals(grant)) {
            if (!settings.credential("ebay", "auth-code", "sandbox-ebay-auth-code").equals(form.getFirst("code"))
                    || form.getFirst("redirect_uri") == null) {
                return oauthError(400, "invalid_grant", "the provided authorization grant code is invalid or was issued to another client");
            }
            SandboxTokens.Issued t = tokens.issue("v^1.1#i^1#sandbox#", Duration.ofSeconds(7200), USER_SCOPES);
            return SandboxJson.respond(200, SandboxJson.object().put("access_token", t.token()).put("expires_in", 7200)
                    .put("refresh_token", refreshToken()).put("refresh_token_expires_in", 47304000)
                    .put("token_type", "User Access Token"));
        }
        if ("client_credentials".equals(grant)) {
            SandboxTokens.Issued t = tokens.issue("v^1.1#i^1#app#", Duration.ofSeconds(7200), Set.of(SCOPE_PREFIX));
            return SandboxJson.respond(200, SandboxJson.object().put("access_token", t.token()).put("expires_in", 7200)
                    .put("token_type", "Application Access Token"));
        }
        return oauthError(400, "unsupported_grant_type", "grant type in request is not supported by the authorization server");
    }

    private static Set<String> parseScopes(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (!s.isBlank()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static ResponseEntity<String> oauthError(int status, String error, String description) {
        return SandboxJson.respond(status, SandboxJson.object().put("error", error).put("error_description", description));
    }

    /** Bearer check: 401 (1001) for missing/unknown/expired, 403 (1100) without any of {@code scopes}. */
    private void authorize(HttpServletRequest request, String... scopes) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "1001", "Invalid access token. Check the value of the Authorization HTTP request header.");
        }
        String token = header.substring(7).trim();
        SandboxTokens.Check check = tokens.check(token);
        if (check != SandboxTokens.Check.VALID) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "1001", check == SandboxTokens.Check.EXPIRED
                    ? "Invalid access token. The access token has expired." : "Invalid access token. Check the value of the Authorization HTTP request header.");
        }
        if (scopes.length > 0) {
            Set<String> granted = tokens.get(token).scopes();
            boolean ok = false;
            for (String s : scopes) {
                ok |= granted.contains(SCOPE_PREFIX + s);
            }
            if (!ok) {
                throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, "1100", "Access denied. Insufficient permissions to fulfill the request.");
            }
        }
    }

    private static void requireJson(HttpServletRequest request) {
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, "25002", "Content-Type must be application/json.");
        }
    }

    private static void requireContentLanguage(HttpServletRequest request) {
        String cl = request.getHeader("Content-Language");
        if (cl == null || !cl.matches("[a-z]{2}-[A-Z]{2}")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25709",
                    "Invalid value for header Content-Language. Send e.g. en-US or de-DE.", "Content-Language");
        }
    }

    private static JsonNode body(byte[] bytes) {
        try {
            return SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25002",
                    "A user error has occurred. Request payload is not valid JSON.");
        }
    }

    // ---------------------------------------------------------------- bulk price / quantity

    private static final JsonShape PRICE = JsonShape.object()
            .required("value", JsonShape.decimalString(BigDecimal.ZERO))
            .required("currency", JsonShape.string(3, 3));

    private static final JsonShape BULK = JsonShape.object().required("requests", JsonShape.array(JsonShape.object()
            .optional("sku", JsonShape.string(1, 50))
            .optional("shipToLocationAvailability", JsonShape.object()
                    .required("quantity", JsonShape.integer(0, Integer.MAX_VALUE)))
            .optional("offers", JsonShape.array(JsonShape.object()
                    .required("offerId", JsonShape.string(1, 100))
                    .optional("availableQuantity", JsonShape.integer(0, Integer.MAX_VALUE))
                    .optional("price", PRICE), 1, 100))));

    @PostMapping("/sell/inventory/v1/bulk_update_price_quantity")
    ResponseEntity<String> bulkUpdatePriceQuantity(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request, "/sell.inventory");
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, BULK, "25709");
        JsonNode requests = body.get("requests");
        if (requests.isEmpty() || requests.size() > bulkMax()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25709",
                    "Invalid value for requests. A call may carry 1 to " + bulkMax() + " requests; it had " + requests.size() + ".",
                    "requests");
        }
        rollDay();
        ArrayNode responses = SandboxJson.array();
        boolean allOk = true;
        Set<String> changedSkus = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode entry = requests.get(i);
            List<ObjectNode> results = offers.change(() -> applyBulkEntry(entry, changedSkus));
            for (ObjectNode r : results) {
                allOk &= r.get("statusCode").asInt() == 200;
                responses.add(r);
            }
        }
        if (!changedSkus.isEmpty()) {
            stats.updateRequest();
            stats.itemsUpdated(changedSkus.size());
        }
        ObjectNode out = SandboxJson.object();
        out.set("responses", responses);
        return SandboxJson.respond(allOk ? 200 : 207, out);
    }

    private List<ObjectNode> applyBulkEntry(JsonNode entry, Set<String> changedSkus) {
        List<ObjectNode> out = new ArrayList<>();
        String sku = entry.path("sku").asString(null);
        JsonNode ship = entry.get("shipToLocationAvailability");
        JsonNode offerEntries = entry.path("offers");
        if (ship != null && sku == null) {
            out.add(entryError(null, null, 400, 25709, "Invalid value for sku. sku is required with shipToLocationAvailability.", "sku"));
            return out;
        }
        if (ship == null && offerEntries.isEmpty()) {
            out.add(entryError(null, sku, 400, 25709, "Invalid value for requests. Send shipToLocationAvailability or offers.", "offers"));
            return out;
        }
        SandboxOffer item = null;
        if (sku != null) {
            item = offers.find(sku).orElse(null);
            if (item == null) {
                out.add(entryError(null, sku, 404, 25710, "We didn't find the resource/entity you are requesting. Verify the request", "sku"));
                return out;
            }
        }
        Set<String> seenOfferIds = new HashSet<>();
        for (JsonNode o : offerEntries) {
            String offerId = o.get("offerId").asString();
            if (!seenOfferIds.add(offerId)) {
                out.add(entryError(offerId, sku, 400, 25709, "Invalid value for offerId. Duplicate offerId in offers.", "offerId"));
                continue;
            }
            if (!o.has("availableQuantity") && !o.has("price")) {
                out.add(entryError(offerId, sku, 400, 25709, "Invalid value for offers. Send availableQuantity or price.", "offers"));
                continue;
            }
            SandboxOffer offer = offers.findById("offerId", offerId).orElse(null);
            if (offer == null) {
                out.add(entryError(offerId, sku, 404, 25713, "This Offer is not available : " + offerId + ".", "offerId"));
                continue;
            }
            if (sku != null && !offer.sku.equals(sku)) {
                out.add(entryError(offerId, sku, 400, 25709, "Invalid value for offerId. Offer " + offerId + " belongs to another SKU.", "offerId"));
                continue;
            }
            if (faults.rejects(offer.sku)) {
                out.add(entryError(offerId, offer.sku, 400, 25002, "A user error has occurred. The offer was rejected (sandbox fault).", "offerId"));
                continue;
            }
            if (!revise(offer.sku)) {
                out.add(entryError(offerId, offer.sku, 400, 25002,
                        "A user error has occurred. This listing has reached its limit of revisions for today.", "offerId"));
                continue;
            }
            if (o.has("availableQuantity")) {
                offer.quantity = o.get("availableQuantity").intValue();
            }
            if (o.has("price")) {
                offer.price = new BigDecimal(o.get("price").get("value").asString());
                offer.currency = o.get("price").get("currency").asString();
            }
            offer.touched();
            changedSkus.add(offer.sku);
            out.add(SandboxJson.object().put("offerId", offerId).put("sku", offer.sku).put("statusCode", 200));
        }
        if (ship != null) {
            if (faults.rejects(sku)) {
                out.add(entryError(null, sku, 400, 25002, "A user error has occurred. The item was rejected (sandbox fault).", "sku"));
            } else {
                int qty = ship.get("quantity").intValue();
                item.quantity = qty;
                if (!changedSkus.contains(sku)) {
                    item.touched();
                    changedSkus.add(sku);
                }
                out.add(SandboxJson.object().put("sku", sku).put("statusCode", 200));
            }
        }
        return out;
    }

    private static ObjectNode entryError(String offerId, String sku, int status, int errorId, String message, String field) {
        ObjectNode r = SandboxJson.object();
        if (offerId != null) {
            r.put("offerId", offerId);
        }
        if (sku != null) {
            r.put("sku", sku);
        }
        r.put("statusCode", status);
        ObjectNode e = r.putArray("errors").addObject().put("errorId", errorId).put("domain", "API_INVENTORY")
                .put("subdomain", "Selling").put("category", "REQUEST").put("message", message);
        e.putArray("parameters").addObject().put("name", "fieldName").put("value", field);
        return r;
    }

    private void rollDay() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!today.equals(revisionDay)) {
            revisionDay = today;
            revisionsToday.clear();
        }
    }

    private boolean revise(String sku) {
        int[] n = revisionsToday.computeIfAbsent(sku, s -> new int[1]);
        synchronized (n) {
            if (n[0] >= settings.integer("ebay.daily-revisions", 250)) {
                return false;
            }
            n[0]++;
            return true;
        }
    }

    // ---------------------------------------------------------------- inventory items (content)

    private static final JsonShape INVENTORY_ITEM = JsonShape.object()
            .optional("availability", JsonShape.object()
                    .optional("shipToLocationAvailability", JsonShape.object().required("quantity", JsonShape.integer(0, Integer.MAX_VALUE)))
                    .optional("pickupAtLocationAvailability", JsonShape.array(JsonShape.object().open())))
            .optional("condition", JsonShape.oneOf("NEW", "LIKE_NEW", "NEW_OTHER", "NEW_WITH_DEFECTS", "MANUFACTURER_REFURBISHED",
                    "CERTIFIED_REFURBISHED", "EXCELLENT_REFURBISHED", "VERY_GOOD_REFURBISHED", "GOOD_REFURBISHED",
                    "SELLER_REFURBISHED", "USED_EXCELLENT", "USED_VERY_GOOD", "USED_GOOD", "USED_ACCEPTABLE", "FOR_PARTS_OR_NOT_WORKING"))
            .optional("conditionDescription", JsonShape.string(0, 1000))
            .optional("conditionDescriptors", JsonShape.array(JsonShape.object().open()))
            .optional("packageWeightAndSize", JsonShape.object().open())
            .optional("locale", JsonShape.string())
            .optional("product", JsonShape.object()
                    .optional("title", JsonShape.string(1, 80))
                    .optional("subtitle", JsonShape.string(0, 55))
                    .optional("description", JsonShape.string(0, 500000))
                    .optional("imageUrls", JsonShape.array(JsonShape.string(1, 2000), 0, 24))
                    .optional("videoIds", JsonShape.array(JsonShape.string()))
                    .optional("brand", JsonShape.string(0, 65))
                    .optional("mpn", JsonShape.string(0, 65))
                    .optional("ean", JsonShape.array(JsonShape.string()))
                    .optional("upc", JsonShape.array(JsonShape.string()))
                    .optional("isbn", JsonShape.array(JsonShape.string()))
                    .optional("epid", JsonShape.string())
                    .optional("aspects", JsonShape.object().open()));

    @PutMapping("/sell/inventory/v1/inventory_item/{sku}")
    ResponseEntity<String> putInventoryItem(HttpServletRequest request, @PathVariable String sku,
            @RequestBody(required = false) byte[] bytes) {
        authorize(request, "/sell.inventory");
        requireJson(request);
        requireContentLanguage(request);
        if (!sku.matches("[A-Za-z0-9_\\-.]{1,50}")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25707",
                    "This is an invalid value for a SKU. Only alphanumeric characters can be used for SKUs, and their length must not exceed 50 characters.", "sku");
        }
        JsonNode body = body(bytes);
        requireShape(body, INVENTORY_ITEM, "25709");
        for (JsonNode url : body.path("product").path("imageUrls")) {
            if (!url.asString().startsWith("https://")) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25709",
                        "Invalid value for product.imageUrls. Image URLs must use HTTPS.", "product.imageUrls");
            }
        }
        if (faults.rejects(sku)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25002", "A user error has occurred. The item was rejected (sandbox fault).", "sku");
        }
        offers.change(() -> {
            SandboxOffer o = offers.getOrCreate(sku, this::assignIds);
            if (o.currency == null) {
                o.currency = defaultCurrency();
            }
            // A full replacement: what is not sent is gone (omitting availability wipes the quantity).
            o.quantity = body.path("availability").path("shipToLocationAvailability").path("quantity").asInt(0);
            JsonNode p = body.path("product");
            o.title = p.path("title").asString(null);
            o.description = p.path("description").asString(null);
            o.images = p.path("imageUrls").valueStream().map(JsonNode::asString).toList();
            o.ean = p.path("ean").isArray() && !p.path("ean").isEmpty() ? p.get("ean").get(0).asString() : null;
            o.attributes.put("inventoryItem", SandboxJson.MAPPER.treeToValue(body, Object.class));
            o.touched();
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(1);
        return SandboxJson.respond(204, null);
    }

    @GetMapping("/sell/inventory/v1/inventory_item/{sku}")
    ResponseEntity<String> getInventoryItem(HttpServletRequest request, @PathVariable String sku) {
        authorize(request, "/sell.inventory", "/sell.inventory.readonly");
        return offers.change(() -> offers.find(sku).map(o -> SandboxJson.respond(200, inventoryItem(o)))
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "25710",
                        "We didn't find the resource/entity you are requesting. Verify the request", "sku")));
    }

    // Product compatibility (fitment), added by the connectors branch: PUT replaces the SKU's compatible vehicles.
    private static final JsonShape COMPATIBILITY = JsonShape.object()
            .required("compatibleProducts", JsonShape.array(JsonShape.object()
                    .optional("compatibilityProperties", JsonShape.array(JsonShape.object()
                            .required("name", JsonShape.string(1, 100)).required("value", JsonShape.string(0, 500))))
                    .optional("productFamilyProperties", JsonShape.object().open())
                    .optional("productIdentifier", JsonShape.object().open())
                    .optional("notes", JsonShape.string(0, 500))));

    @PutMapping("/sell/inventory/v1/inventory_item/{sku}/product_compatibility")
    ResponseEntity<String> putProductCompatibility(HttpServletRequest request, @PathVariable String sku,
            @RequestBody(required = false) byte[] bytes) {
        authorize(request, "/sell.inventory");
        requireJson(request);
        requireContentLanguage(request);
        JsonNode body = body(bytes);
        requireShape(body, COMPATIBILITY, "25709");
        if (faults.rejects(sku)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25002", "A user error has occurred. The item was rejected (sandbox fault).", "sku");
        }
        offers.change(() -> {
            SandboxOffer o = offers.find(sku).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "25710",
                    "We didn't find the resource/entity you are requesting. Verify the request", "sku"));
            o.attributes.put("compatibility", SandboxJson.MAPPER.treeToValue(body, Object.class));
            o.touched();
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(1);
        return SandboxJson.respond(204, null);
    }

    @GetMapping("/sell/inventory/v1/inventory_item")
    ResponseEntity<String> listInventoryItems(HttpServletRequest request, @RequestParam(defaultValue = "25") String limit,
            @RequestParam(defaultValue = "0") String offset) {
        authorize(request, "/sell.inventory", "/sell.inventory.readonly");
        int lim = intParam(limit, "limit", 1, 200);
        int off = intParam(offset, "offset", 0, Integer.MAX_VALUE);
        String base = request.getRequestURL().toString();
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all();
            ObjectNode out = SandboxJson.object();
            out.put("href", base + "?limit=" + lim + "&offset=" + off);
            if (off + lim < all.size()) {
                out.put("next", base + "?limit=" + lim + "&offset=" + (off + lim));
            }
            out.put("limit", lim);
            List<SandboxOffer> page = all.subList(Math.min(off, all.size()), Math.min(off + lim, all.size()));
            out.put("size", page.size());
            out.put("total", all.size());
            ArrayNode items = out.putArray("inventoryItems");
            page.forEach(o -> items.add(inventoryItem(o)));
            return SandboxJson.respond(200, out);
        });
    }

    @PostMapping("/sell/inventory/v1/bulk_get_inventory_item")
    ResponseEntity<String> bulkGetInventoryItems(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request, "/sell.inventory", "/sell.inventory.readonly");
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, JsonShape.object().required("requests",
                JsonShape.array(JsonShape.object().required("sku", JsonShape.string(1, 50)), 1, bulkMax())), "25709");
        ArrayNode responses = SandboxJson.array();
        offers.change(() -> {
            for (JsonNode r : body.get("requests")) {
                String sku = r.get("sku").asString();
                SandboxOffer o = offers.find(sku).orElse(null);
                if (o == null) {
                    responses.add(entryError(null, sku, 404, 25710, "We didn't find the resource/entity you are requesting. Verify the request", "sku"));
                } else {
                    ObjectNode item = inventoryItem(o);
                    ObjectNode entry = responses.addObject().put("statusCode", 200).put("sku", sku);
                    entry.set("inventoryItem", item);
                }
            }
            return null;
        });
        boolean allOk = responses.valueStream().allMatch(r -> r.get("statusCode").asInt() == 200);
        ObjectNode out = SandboxJson.object();
        out.set("responses", responses);
        return SandboxJson.respond(allOk ? 200 : 207, out);
    }

    private static int intParam(String value, String name, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25709",
                "Invalid value for " + name + ". It must be between " + min + " and " + max + ".", name);
    }

    private ObjectNode inventoryItem(SandboxOffer o) {
        ObjectNode n = SandboxJson.object();
        n.put("sku", o.sku);
        n.put("locale", "en_US");
        n.put("condition", "NEW");
        ObjectNode p = n.putObject("product");
        if (o.title != null) {
            p.put("title", o.title);
        }
        if (o.description != null) {
            p.put("description", o.description);
        }
        if (o.ean != null) {
            p.putArray("ean").add(o.ean);
        }
        ArrayNode imgs = p.putArray("imageUrls");
        o.images.forEach(imgs::add);
        // the rest of what the last PUT stored (brand, MPN, identifiers, aspects, ...): eBay returns the whole item
        if (o.attributes.get("inventoryItem") != null) {
            JsonNode stored = SandboxJson.MAPPER.valueToTree(o.attributes.get("inventoryItem")).path("product");
            for (String key : List.of("subtitle", "brand", "mpn", "upc", "isbn", "epid", "aspects", "videoIds")) {
                if (stored.has(key)) {
                    p.set(key, stored.get(key));
                }
            }
        }
        n.putObject("availability").putObject("shipToLocationAvailability").put("quantity", o.quantity);
        return n;
    }

    // ---------------------------------------------------------------- offers

    @GetMapping("/sell/inventory/v1/offer")
    ResponseEntity<String> getOffers(HttpServletRequest request, @RequestParam String sku,
            @RequestParam(name = "marketplace_id", required = false) String marketplaceId) {
        authorize(request, "/sell.inventory", "/sell.inventory.readonly");
        return offers.change(() -> {
            SandboxOffer o = offers.find(sku).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND,
                    "25713", "This Offer is not available : " + sku + ".", "sku"));
            ObjectNode out = SandboxJson.object().put("total", 1).put("size", 1).put("limit", 100);
            out.putArray("offers").add(offer(o, marketplaceId));
            return SandboxJson.respond(200, out);
        });
    }

    @GetMapping("/sell/inventory/v1/offer/{offerId}")
    ResponseEntity<String> getOffer(HttpServletRequest request, @PathVariable String offerId) {
        authorize(request, "/sell.inventory", "/sell.inventory.readonly");
        return offers.change(() -> offers.findById("offerId", offerId).map(o -> SandboxJson.respond(200, offer(o, null)))
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "25713",
                        "This Offer is not available : " + offerId + ".", "offerId")));
    }

    private static ObjectNode offer(SandboxOffer o, String marketplaceId) {
        ObjectNode n = SandboxJson.object();
        n.put("offerId", o.ids.get("offerId"));
        n.put("sku", o.sku);
        n.put("marketplaceId", marketplaceId == null ? "EBAY_US" : marketplaceId);
        n.put("format", "FIXED_PRICE");
        n.put("availableQuantity", o.quantity);
        n.put("status", "PUBLISHED");
        if (o.price != null) {
            n.putObject("pricingSummary").putObject("price").put("value", o.price.toPlainString()).put("currency", o.currency);
        }
        Object desc = o.attributes.get("listingDescription");
        if (desc != null) {
            n.put("listingDescription", desc.toString());
        }
        Object category = o.attributes.get("categoryId");
        if (category != null) {
            n.put("categoryId", category.toString());
        }
        // everything the last PUT stored comes back, as eBay's getOffer returns the whole offer
        for (String key : List.of("listingPolicies", "regulatory", "tax", "lotSize")) {
            if (o.attributes.get(key) != null) {
                n.set(key, SandboxJson.MAPPER.valueToTree(o.attributes.get(key)));
            }
        }
        if (o.attributes.get("originalRetailPrice") != null && n.path("pricingSummary").isObject()) {
            ((ObjectNode) n.get("pricingSummary")).set("originalRetailPrice", SandboxJson.MAPPER.valueToTree(o.attributes.get("originalRetailPrice")));
        }
        n.putObject("listing").put("listingId", o.ids.get("listingId")).put("listingStatus", "ACTIVE").put("soldQuantity", 0);
        return n;
    }

    private static final JsonShape OFFER = JsonShape.object()
            .optional("availableQuantity", JsonShape.integer(0, Integer.MAX_VALUE))
            .optional("categoryId", JsonShape.string())
            .optional("secondaryCategoryId", JsonShape.string())
            .optional("format", JsonShape.oneOf("FIXED_PRICE", "AUCTION"))
            .optional("listingDuration", JsonShape.string())
            .optional("listingDescription", JsonShape.string(0, 500000))
            .optional("listingStartDate", JsonShape.string())
            .optional("lotSize", JsonShape.integer(1, Integer.MAX_VALUE))
            .optional("marketplaceId", JsonShape.string())
            .optional("merchantLocationKey", JsonShape.string())
            .optional("pricingSummary", JsonShape.object()
                    .optional("price", PRICE)
                    .optional("originalRetailPrice", PRICE)
                    .optional("minimumAdvertisedPrice", PRICE)
                    .optional("pricingVisibility", JsonShape.string())
                    .optional("originallySoldForRetailPriceOn", JsonShape.string())
                    .optional("auctionStartPrice", PRICE)
                    .optional("auctionReservePrice", PRICE))
            .optional("listingPolicies", JsonShape.object().open())
            .optional("regulatory", JsonShape.object().open())
            .optional("tax", JsonShape.object().open())
            .optional("charity", JsonShape.object().open())
            .optional("extendedProducerResponsibility", JsonShape.object().open())
            .optional("quantityLimitPerBuyer", JsonShape.integer(1, Integer.MAX_VALUE))
            .optional("storeCategoryNames", JsonShape.array(JsonShape.string()))
            .optional("includeCatalogProductDetails", JsonShape.bool())
            .optional("hideBuyerDetails", JsonShape.bool());

    @PutMapping("/sell/inventory/v1/offer/{offerId}")
    ResponseEntity<String> putOffer(HttpServletRequest request, @PathVariable String offerId, @RequestBody(required = false) byte[] bytes) {
        authorize(request, "/sell.inventory");
        requireJson(request);
        requireContentLanguage(request);
        JsonNode body = body(bytes);
        requireShape(body, OFFER, "25709");
        JsonNode manufacturer = body.path("regulatory").path("manufacturer");
        if (manufacturer.isObject() && !manufacturer.has("companyName")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25111",
                    "The manufacturer's company name is missing.", "regulatory.manufacturer.companyName");
        }
        if (body.path("regulatory").path("responsiblePersons").size() > 5) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25112",
                    "At most 5 responsible persons are allowed.", "regulatory.responsiblePersons");
        }
        SandboxOffer o = offers.findById("offerId", offerId).orElseThrow(() -> new SandboxRefusal(404,
                SandboxRefusal.Kind.NOT_FOUND, "25713", "This Offer is not available : " + offerId + ".", "offerId"));
        if (faults.rejects(o.sku)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "25002", "A user error has occurred. The offer was rejected (sandbox fault).", "offerId");
        }
        offers.change(() -> {
            o.quantity = body.path("availableQuantity").asInt(0);
            JsonNode price = body.path("pricingSummary").path("price");
            if (price.isObject()) {
                o.price = new BigDecimal(price.get("value").asString());
                o.currency = price.get("currency").asString();
            }
            JsonNode originalRetailPrice = body.path("pricingSummary").path("originalRetailPrice");
            if (originalRetailPrice.isObject()) {
                o.attributes.put("originalRetailPrice", SandboxJson.MAPPER.treeToValue(originalRetailPrice, Object.class));
            } else {
                o.attributes.remove("originalRetailPrice");
            }
            for (String key : List.of("listingDescription", "categoryId", "listingPolicies", "regulatory", "tax", "lotSize")) {
                if (body.has(key)) {
                    o.attributes.put(key, SandboxJson.MAPPER.treeToValue(body.get(key), Object.class));
                } else {
                    o.attributes.remove(key);
                }
            }
            o.touched();
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(1);
        return SandboxJson.respond(204, null);
    }

    // ---------------------------------------------------------------- orders

    @GetMapping("/sell/fulfillment/v1/order")
    ResponseEntity<String> getOrders(HttpServletRequest request, @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "50") String limit, @RequestParam(defaultValue = "0") String offset,
            @RequestParam(required = false) String orderIds) {
        authorize(request, "/sell.fulfillment", "/sell.fulfillment.readonly");
        int lim;
        try {
            lim = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            lim = -1;
        }
        if (lim < 1 || lim > 200) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "31100", "Invalid limit. Supported ranges 1 - 200.", "limit");
        }
        int off = intParam(offset, "offset", 0, Integer.MAX_VALUE);
        List<SandboxOrder> selected;
        if (orderIds != null) {
            Set<String> ids = Set.of(orderIds.split(","));
            selected = orders.all().stream().filter(o -> ids.contains(o.orderId)).toList();
        } else {
            selected = filterOrders(filter);
        }
        ObjectNode out = SandboxJson.object();
        out.put("href", request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        out.put("limit", lim).put("offset", off).put("total", selected.size());
        ArrayNode list = out.putArray("orders");
        selected.stream().skip(off).limit(lim).forEach(o -> list.add(order(o)));
        return SandboxJson.respond(200, out);
    }

    @GetMapping("/sell/fulfillment/v1/order/{orderId}")
    ResponseEntity<String> getOrder(HttpServletRequest request, @PathVariable String orderId) {
        authorize(request, "/sell.fulfillment", "/sell.fulfillment.readonly");
        return orders.find(orderId).map(o -> SandboxJson.respond(200, order(o)))
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "32100",
                        "Invalid order ID: " + orderId, "orderId"));
    }

    private List<SandboxOrder> filterOrders(String filter) {
        Instant now = Instant.now();
        if (filter == null || filter.isBlank()) {
            Instant from = now.minus(Duration.ofDays(90));
            return orders.all().stream().filter(o -> !o.created.isBefore(from)).toList();
        }
        Instant createdFrom = null, createdTo = null, modifiedFrom = null, modifiedTo = null;
        boolean byCreation = false, byModification = false;
        Set<String> fulfillment = null;
        for (String criterion : filter.split(",(?![^\\[{]*[\\]}])")) {
            int colon = criterion.indexOf(':');
            if (colon < 0) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "30700", "Invalid filter name: " + criterion, "filter");
            }
            String name = criterion.substring(0, colon).trim();
            String value = criterion.substring(colon + 1).trim();
            switch (name) {
                case "creationdate", "lastmodifieddate" -> {
                    Instant[] range = range(value, now);
                    if (name.equals("creationdate")) {
                        byCreation = true;
                        createdFrom = range[0];
                        createdTo = range[1];
                    } else {
                        byModification = true;
                        modifiedFrom = range[0];
                        modifiedTo = range[1];
                    }
                }
                case "orderfulfillmentstatus" -> {
                    if (!value.equals("{NOT_STARTED|IN_PROGRESS}") && !value.equals("{FULFILLED|IN_PROGRESS}")) {
                        throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "30800", "Invalid filter value " + value, "filter");
                    }
                    fulfillment = value.contains("NOT_STARTED") ? Set.of("NOT_STARTED", "IN_PROGRESS") : Set.of("FULFILLED", "IN_PROGRESS");
                }
                default -> throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "30700", "Invalid filter name: " + name, "filter");
            }
        }
        Instant cf = createdFrom, ct = createdTo, mf = modifiedFrom, mt = modifiedTo;
        boolean useCreation = byCreation;
        boolean useModification = byModification && !byCreation;
        Set<String> fs = fulfillment;
        return orders.all().stream()
                .filter(o -> !useCreation || (!o.created.isBefore(cf) && (ct == null || !o.created.isAfter(ct))))
                .filter(o -> !useModification || (!o.updated.isBefore(mf) && (mt == null || !o.updated.isAfter(mt))))
                .filter(o -> fs == null || fs.contains("NOT_STARTED"))
                .toList();
    }

    private static Instant[] range(String value, Instant now) {
        if (!value.startsWith("[") || !value.endsWith("]") || !value.contains("..")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "30800", "Invalid filter value " + value, "filter");
        }
        String inner = value.substring(1, value.length() - 1);
        int dots = inner.indexOf("..");
        String a = inner.substring(0, dots).trim();
        String b = inner.substring(dots + 2).trim();
        try {
            Instant from = Instant.parse(a);
            Instant to = b.isEmpty() ? null : Instant.parse(b);
            if (from.isAfter(now.plusSeconds(60))) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "30850", "The start date can not be in the future.", "filter");
            }
            if (to != null && from.isAfter(to)) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "30840", "The start date must be before the end date.", "filter");
            }
            return new Instant[] {from, to};
        } catch (DateTimeParseException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "30810",
                    "Invalid date format. Use ISO 8601, e.g. 2024-05-01T00:00:00.000Z.", "filter");
        }
    }

    private ObjectNode order(SandboxOrder o) {
        ObjectNode n = SandboxJson.object();
        n.put("orderId", o.orderId);
        n.put("creationDate", o.created.toString());
        n.put("lastModifiedDate", o.updated.toString());
        boolean cancelled = o.status == SandboxOrder.Status.CANCELLED;
        n.put("orderFulfillmentStatus", "NOT_STARTED");
        n.put("orderPaymentStatus", cancelled ? "FULLY_REFUNDED" : "PAID");
        ObjectNode cancel = n.putObject("cancelStatus").put("cancelState", cancelled ? "CANCELED" : "NONE_REQUESTED");
        cancel.putArray("cancelRequests");
        BigDecimal total = BigDecimal.ZERO;
        String currency = defaultCurrency();
        ArrayNode lines = SandboxJson.array();
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            BigDecimal unit = offer == null || offer.price == null ? BigDecimal.ONE : offer.price;
            currency = offer == null || offer.currency == null ? currency : offer.currency;
            BigDecimal cost = unit.multiply(BigDecimal.valueOf(l.quantity()));
            total = total.add(cost);
            ObjectNode li = lines.addObject();
            li.put("lineItemId", l.lineId().replaceAll("\\D", ""));
            li.put("legacyItemId", offer == null ? null : offer.ids.get("listingId"));
            li.put("sku", l.sku());
            li.put("title", offer == null ? l.sku() : offer.title);
            li.put("quantity", l.quantity());
            li.put("lineItemFulfillmentStatus", "NOT_STARTED");
            li.putObject("lineItemCost").put("value", cost.toPlainString()).put("currency", currency);
        }
        n.putObject("pricingSummary").putObject("total").put("value", total.toPlainString()).put("currency", currency);
        n.set("lineItems", lines);
        return n;
    }

    // ---------------------------------------------------------------- notifications

    private static final JsonShape DESTINATION = JsonShape.object()
            .required("name", JsonShape.string(1, 200))
            .required("status", JsonShape.oneOf("ENABLED", "DISABLED"))
            .required("deliveryConfig", JsonShape.object()
                    .required("endpoint", JsonShape.string(1, 2000))
                    .required("verificationToken", JsonShape.string(32, 80)));

    @PostMapping("/commerce/notification/v1/destination")
    ResponseEntity<String> createDestination(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, DESTINATION, "195001");
        String endpoint = body.get("deliveryConfig").get("endpoint").asString();
        String verificationToken = body.get("deliveryConfig").get("verificationToken").asString();
        if (!verifyEndpoint(endpoint, verificationToken)) {
            throw new SandboxRefusal(409, SandboxRefusal.Kind.CONFLICT, "195025",
                    "Challenge verification failed for the endpoint: answer GET ?challenge_code= with {\"challengeResponse\": hex SHA-256(challengeCode + verificationToken + endpoint)}.",
                    "deliveryConfig.endpoint");
        }
        String id = java.util.UUID.randomUUID().toString();
        ObjectNode stored = ((ObjectNode) body).deepCopy().put("destinationId", id);
        destinations.put(id, stored);
        return SandboxJson.respond(201, null, Map.of("Location", request.getRequestURL() + "/" + id));
    }

    private boolean verifyEndpoint(String endpoint, String verificationToken) {
        String challenge = java.util.UUID.randomUUID().toString().replace("-", "");
        String expected = Signatures.sha256Hex(challenge + verificationToken + endpoint);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            String sep = endpoint.contains("?") ? "&" : "?";
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(endpoint + sep + "challenge_code="
                    + URLEncoder.encode(challenge, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                return false;
            }
            return expected.equalsIgnoreCase(SandboxJson.MAPPER.readTree(res.body()).path("challengeResponse").asString(""));
        } catch (Exception e) {
            return false;
        }
    }

    private static final JsonShape SUBSCRIPTION = JsonShape.object()
            .required("topicId", JsonShape.string())
            .required("status", JsonShape.oneOf("ENABLED", "DISABLED"))
            .required("destinationId", JsonShape.string())
            .optional("payload", JsonShape.object()
                    .required("format", JsonShape.oneOf("JSON"))
                    .required("schemaVersion", JsonShape.string())
                    .required("deliveryProtocol", JsonShape.oneOf("HTTPS")));

    @PostMapping("/commerce/notification/v1/subscription")
    ResponseEntity<String> createSubscription(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, SUBSCRIPTION, "195001");
        if (!"ORDER_CONFIRMATION".equals(body.get("topicId").asString())) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "195003",
                    "Invalid or missing topic id. The sandbox publishes ORDER_CONFIRMATION.", "topicId");
        }
        ObjectNode destination = destinations.get(body.get("destinationId").asString());
        if (destination == null) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "195004", "Invalid or missing destination id.", "destinationId");
        }
        String id = java.util.UUID.randomUUID().toString();
        subscriptions.put(id, ((ObjectNode) body).deepCopy().put("subscriptionId", id));
        if ("ENABLED".equals(body.get("status").asString()) && "ENABLED".equals(destination.path("status").asString())) {
            subscribe(destination.get("deliveryConfig").get("endpoint").asString());
        }
        return SandboxJson.respond(201, null, Map.of("Location", request.getRequestURL() + "/" + id));
    }

    @GetMapping("/commerce/notification/v1/public_key/{kid}")
    ResponseEntity<String> publicKey(HttpServletRequest request, @PathVariable String kid) {
        authorize(request);
        if (!KID.equals(kid)) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "195002", "Invalid or missing public key id.", "public_key_id");
        }
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(signingKey.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        return SandboxJson.respond(200, SandboxJson.object().put("algorithm", "ECDSA").put("digest", "SHA1").put("key", pem));
    }

    @Override
    protected void notifyOrder(SandboxOrder order, boolean cancelled) {
        String url = webhookUrl;
        if (url == null || cancelled) {
            return; // eBay has no cancellation topic here: cancellations show up through polling.
        }
        for (SandboxOrder.Line line : order.lines) {
            ObjectNode msg = SandboxJson.object();
            msg.putObject("metadata").put("topic", "ORDER_CONFIRMATION").put("schemaVersion", "1.0").put("deprecated", false);
            ObjectNode n = msg.putObject("notification");
            n.put("notificationId", java.util.UUID.randomUUID().toString());
            n.put("eventDate", order.created.toString());
            n.put("publishDate", Instant.now().toString());
            n.put("publishAttemptCount", 1);
            ObjectNode data = n.putObject("data");
            data.putObject("user").put("userId", "sandboxUser").put("username", "sandbox_store");
            ObjectNode o = data.putObject("order").put("orderId", order.orderId);
            String listingId = offers.find(line.sku()).map(x -> x.ids.get("listingId")).orElse(null);
            o.putArray("orderLineItems").addObject().put("orderLineItemId", line.lineId().replaceAll("\\D", ""))
                    .put("listingId", listingId).put("quantity", line.quantity());
            String body = SandboxJson.write(msg);
            notifications.send(slug(), url, body, Map.of("X-EBAY-SIGNATURE", sign(body)));
        }
    }

    /** X-EBAY-SIGNATURE: base64 of {alg, kid, signature (base64 DER ECDSA/SHA-1 over the body), digest}. */
    String sign(String body) {
        try {
            Signature ecdsa = Signature.getInstance("SHA1withECDSA");
            ecdsa.initSign(signingKey.getPrivate());
            ecdsa.update(body.getBytes(StandardCharsets.UTF_8));
            String der = Base64.getEncoder().encodeToString(ecdsa.sign());
            String header = SandboxJson.write(SandboxJson.object().put("alg", "ECDSA").put("kid", KID).put("signature", der).put("digest", "SHA1"));
            return Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "2001", "Too many requests.")
                .header("Retry-After", String.valueOf(Math.max(1, take.millisUntilNextToken() / 1000)));
    }
}
