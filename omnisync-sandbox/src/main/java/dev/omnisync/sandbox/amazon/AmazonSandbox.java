package dev.omnisync.sandbox.amazon;

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
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
 * Amazon SP-API as wire/amazon.md describes it: LWA tokens, {@code x-amz-access-token} (403 when bad or
 * expired), listings patches accepted at once and applied after the processing delay, the JSON_LISTINGS_FEED
 * flow with a processing report, Orders v0, token buckets per operation with {@code x-amzn-RateLimit-Limit}.
 */
@RestController
@RequestMapping("/sandbox/amazon")
@SandboxEnabled
public class AmazonSandbox extends SandboxMarketplace {

    static final Set<String> MARKETPLACES = Set.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8", "A2Q3Y263D00KWC",
            "A1PA6795UKMFR9", "A1F83G8C2ARO7P", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1805IZSGTT6HS",
            "A2NODRKZP88ZB9", "A1C3SOZRARQ6R3", "AMEN7PMS3EDWL", "A1VC38T7YXB528", "A39IBJ37TRP1C6", "A21TJRUUN4KGV");

    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AsyncJob> feeds = new ConcurrentHashMap<>();
    private final AtomicLong feedIds = new AtomicLong(50014019000L);
    /** Notification destinations (destinationId → {name, resource}). */
    private final Map<String, ObjectNode> destinations = new ConcurrentHashMap<>();

    /** A feed document: the declared content type, the uploaded bytes, when its upload URL expires. */
    private static final class Document {
        final String id;
        final String contentType;
        final Instant urlExpires;
        volatile byte[] content;

        Document(String id, String contentType, Instant urlExpires) {
            this.id = id;
            this.contentType = contentType;
            this.urlExpires = urlExpires;
        }
    }

    public AmazonSandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
    }

    @Override
    public String slug() {
        return "amazon";
    }

    @Override
    protected String defaultCurrency() {
        return "USD";
    }

    private String clientId() {
        return settings.credential("amazon", "client-id", "amzn1.application-oa2-client.sandbox");
    }

    private String clientSecret() {
        return settings.credential("amazon", "client-secret", "amzn1.oa2-cs.v1.sandbox-secret");
    }

    private String refreshToken() {
        return settings.credential("amazon", "refresh-token", "Atzr|sandbox-refresh-token");
    }

    private String sellerId() {
        return settings.credential("amazon", "seller-id", "A3SANDBOXSELLER");
    }

    @Override
    public Map<String, String> credentials() {
        return map("clientId", clientId(), "clientSecret", clientSecret(), "refreshToken", refreshToken(),
                "sellerId", sellerId(), "marketplaceId", "ATVPDKIKX0DER", "tokenPath", "/auth/o2/token");
    }

    @Override
    public boolean isAuthPath(String path) {
        return path.startsWith("/auth/") || path.startsWith("/uploads/");
    }

    @Override
    protected String newOrderId() {
        return digits(3) + "-" + digits(7) + "-" + digits(7);
    }

    @Override
    protected void resetChannel() {
        documents.clear();
        feeds.clear();
        destinations.clear();
    }

    // ---------------------------------------------------------------- errors

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        String code = switch (r.kind) {
            case AUTH, FORBIDDEN -> "Unauthorized";
            case RATE_LIMIT -> "QuotaExceeded";
            case NOT_FOUND -> "NotFound";
            case SERVER -> "InternalFailure";
            case TIMEOUT -> "ServiceUnavailable";
            case TOO_LARGE -> "RequestEntityTooLarge";
            default -> r.code != null && !r.code.equals("INVALID_REQUEST") ? r.code : "InvalidInput";
        };
        String message = r.kind == SandboxRefusal.Kind.RATE_LIMIT ? "You exceeded your quota for the requested resource." : r.getMessage();
        String details = r.kind == SandboxRefusal.Kind.AUTH || r.kind == SandboxRefusal.Kind.FORBIDDEN ? r.getMessage() : "";
        if (r.kind == SandboxRefusal.Kind.AUTH || r.kind == SandboxRefusal.Kind.FORBIDDEN) {
            message = "Access to requested resource is denied.";
        }
        ObjectNode body = SandboxJson.object();
        body.putArray("errors").addObject().put("code", code).put("message", message).put("details", details);
        Map<String, String> headers = new LinkedHashMap<>(r.headers);
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        int status = r.kind == SandboxRefusal.Kind.AUTH ? 403 : r.status;
        return SandboxJson.respond(status, body, headers);
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        // Amazon documents no Retry-After on 429: clients pace from x-amzn-RateLimit-Limit of earlier answers.
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "QuotaExceeded", "You exceeded your quota for the requested resource.");
    }

    private static ResponseEntity<String> ok(int status, Object body, double rate) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        if (rate > 0) {
            headers.put("x-amzn-RateLimit-Limit", String.valueOf(rate));
        }
        return SandboxJson.respond(status, body, headers);
    }

    // ---------------------------------------------------------------- LWA

    @PostMapping("/auth/o2/token")
    ResponseEntity<String> token(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form) {
        String ct = request.getContentType();
        if (ct == null || !ct.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        if (!clientId().equals(form.getFirst("client_id")) || !clientSecret().equals(form.getFirst("client_secret"))) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        String grant = form.getFirst("grant_type");
        if ("refresh_token".equals(grant)) {
            if (!refreshToken().equals(form.getFirst("refresh_token"))) {
                return oauthError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
            }
            SandboxTokens.Issued t = tokens.issue("Atza|sandbox-", Duration.ofSeconds(3600), Set.of("seller"));
            return SandboxJson.respond(200, SandboxJson.object().put("access_token", t.token()).put("refresh_token", refreshToken())
                    .put("token_type", "bearer").put("expires_in", 3600));
        }
        if ("client_credentials".equals(grant)) {
            String scope = form.getFirst("scope");
            if (scope == null || !scope.startsWith("sellingpartnerapi::")) {
                return oauthError(400, "invalid_scope", "The request has an invalid parameter : scope");
            }
            SandboxTokens.Issued t = tokens.issue("Atc|sandbox-", Duration.ofSeconds(3600), Set.of(scope));
            return SandboxJson.respond(200, SandboxJson.object().put("access_token", t.token())
                    .put("token_type", "bearer").put("expires_in", 3600));
        }
        return oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported");
    }

    private static ResponseEntity<String> oauthError(int status, String error, String description) {
        return SandboxJson.respond(status, SandboxJson.object().put("error", error).put("error_description", description));
    }

    private void authorize(HttpServletRequest request) {
        String token = request.getHeader("x-amz-access-token");
        if (token == null || token.isBlank()) {
            throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, "Unauthorized", "The request is missing the x-amz-access-token header.");
        }
        SandboxTokens.Check check = tokens.check(token);
        if (check == SandboxTokens.Check.EXPIRED) {
            throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, "Unauthorized", "The access token you provided has expired.");
        }
        if (check != SandboxTokens.Check.VALID || tokens.get(token).scopes().stream().noneMatch("seller"::equals)) {
            throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, "Unauthorized", "The access token you provided is revoked, malformed or invalid.");
        }
        String ua = request.getHeader("User-Agent");
        if (ua == null || !ua.matches("[^/\\s]+/[^\\s]+ \\(.*Language=.*\\).*")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                    "Missing or malformed user-agent header: send 'AppName/Version (Language=Java/17; Platform=Linux)'.", "user-agent");
        }
    }

    /** Grantless operations (notifications destinations) need a client-credentials token with the notifications scope. */
    private void authorizeGrantless(HttpServletRequest request) {
        String token = request.getHeader("x-amz-access-token");
        SandboxTokens.Check check = tokens.check(token);
        if (check != SandboxTokens.Check.VALID || !tokens.get(token).scopes().contains("sellingpartnerapi::notifications")) {
            throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, "Unauthorized", check == SandboxTokens.Check.EXPIRED
                    ? "The access token you provided has expired."
                    : "This operation is grantless: use an LWA client_credentials token with scope sellingpartnerapi::notifications.");
        }
    }

    private void requireSeller(String sellerId) {
        if (!sellerId().equals(sellerId)) {
            throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, "Unauthorized",
                    "The access token is not authorized for seller " + sellerId + ".");
        }
    }

    private static void requireMarketplaces(String marketplaceIds) {
        if (marketplaceIds == null || marketplaceIds.isBlank()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Missing required marketplaceIds", "marketplaceIds");
        }
        for (String id : marketplaceIds.split(",")) {
            if (!MARKETPLACES.contains(id.trim())) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Invalid marketplaceIds: " + id, "marketplaceIds");
            }
        }
    }

    private static void requireJson(HttpServletRequest request) {
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, "UnsupportedMediaType", "Content-Type must be application/json.");
        }
    }

    private static JsonNode body(byte[] bytes) {
        try {
            return SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "The request body is not valid JSON.");
        }
    }

    // ---------------------------------------------------------------- listings

    private static final JsonShape PATCH = JsonShape.object()
            .required("op", JsonShape.oneOf("add", "replace", "merge", "delete"))
            .required("path", JsonShape.string(1, 200))
            .optional("value", JsonShape.array(JsonShape.object().open()));

    private static final JsonShape PATCH_BODY = JsonShape.object()
            .required("productType", JsonShape.string(1, 200))
            .required("patches", JsonShape.array(PATCH, 1, 10000));

    private static final JsonShape PUT_BODY = JsonShape.object()
            .required("productType", JsonShape.string(1, 200))
            .optional("requirements", JsonShape.oneOf("LISTING", "LISTING_PRODUCT_ONLY", "LISTING_OFFER_ONLY"))
            .required("attributes", JsonShape.object().open());

    @PatchMapping("/listings/2021-08-01/items/{sellerId}/{sku}")
    ResponseEntity<String> patchListingsItem(HttpServletRequest request, @PathVariable String sellerId, @PathVariable String sku,
            @RequestParam(required = false) String marketplaceIds, @RequestParam(required = false) String mode,
            @RequestParam(required = false) String includedData, @RequestParam(required = false) String issueLocale,
            @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        requireSeller(sellerId);
        requireMarketplaces(marketplaceIds);
        SandboxRateLimiter.Take take = limit("patchListingsItem", 5, 5);
        requireJson(request);
        if (mode != null && !mode.equals("VALIDATION_PREVIEW")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Invalid mode: " + mode, "mode");
        }
        JsonNode body = body(bytes);
        requireShape(body, PATCH_BODY, "InvalidInput");
        for (JsonNode p : body.get("patches")) {
            String path = p.get("path").asString();
            if (!path.matches("/attributes/[a-z0-9_]+")) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                        "Invalid patch path " + path + ": only top-level attributes (/attributes/<name>) can be patched.", "patches.path");
            }
            if (!p.get("op").asString().equals("delete") && !p.has("value")) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Patch " + path + " needs a value.", "patches.value");
            }
        }
        if (offers.find(sku).isEmpty()) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NotFound",
                    "Requested item '" + sku + "' not found for seller " + sellerId + ".");
        }
        ArrayNode issues = SandboxJson.array();
        for (JsonNode p : body.get("patches")) {
            String attribute = p.get("path").asString().substring("/attributes/".length());
            validateAttribute(attribute, p.get("value"), issues);
        }
        if (issues.isEmpty() && faults.rejects(sku)) {
            issues.addObject().put("code", "90000900").put("message", "The listing was rejected (sandbox fault).")
                    .put("severity", "ERROR").putArray("categories").add("INVALID_ATTRIBUTE");
        }
        String submissionId = UUID.randomUUID().toString();
        ObjectNode out = SandboxJson.object().put("sku", sku);
        if (!issues.isEmpty()) {
            out.put("status", "INVALID").put("submissionId", submissionId).set("issues", issues);
            return ok(200, out, take.ratePerSecond());
        }
        if ("VALIDATION_PREVIEW".equals(mode)) {
            out.put("status", "VALID").put("submissionId", submissionId).putArray("issues");
            return ok(200, out, take.ratePerSecond());
        }
        stats.updateRequest();
        JsonNode patches = body.get("patches");
        jobs.submit(new AsyncJob("patch-" + submissionId, patches), job -> {
            offers.change(() -> {
                SandboxOffer o = offers.find(sku).orElse(null);
                if (o != null) {
                    for (JsonNode p : patches) {
                        applyAttribute(o, p.get("path").asString().substring("/attributes/".length()), p.get("op").asString(), p.get("value"));
                    }
                    o.touched();
                    stats.itemsUpdated(1);
                }
                return null;
            });
            return null;
        });
        out.put("status", "ACCEPTED").put("submissionId", submissionId).putArray("issues");
        return ok(200, out, take.ratePerSecond());
    }

    @PutMapping("/listings/2021-08-01/items/{sellerId}/{sku}")
    ResponseEntity<String> putListingsItem(HttpServletRequest request, @PathVariable String sellerId, @PathVariable String sku,
            @RequestParam(required = false) String marketplaceIds, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        requireSeller(sellerId);
        requireMarketplaces(marketplaceIds);
        SandboxRateLimiter.Take take = limit("putListingsItem", 5, 10);
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, PUT_BODY, "InvalidInput");
        ArrayNode issues = SandboxJson.array();
        for (var e : body.get("attributes").properties()) {
            if (!e.getValue().isArray()) {
                issues.addObject().put("code", "90000900").put("message", "Attribute " + e.getKey() + " must be an array.")
                        .put("severity", "ERROR").putArray("attributeNames").add(e.getKey());
            } else {
                validateAttribute(e.getKey(), e.getValue(), issues);
            }
        }
        String submissionId = UUID.randomUUID().toString();
        ObjectNode out = SandboxJson.object().put("sku", sku).put("submissionId", submissionId);
        if (!issues.isEmpty()) {
            out.put("status", "INVALID").set("issues", issues);
            return ok(200, out, take.ratePerSecond());
        }
        stats.updateRequest();
        JsonNode attributes = body.get("attributes");
        jobs.submit(new AsyncJob("put-" + submissionId, attributes), job -> offers.change(() -> {
            SandboxOffer o = offers.getOrCreate(sku, x -> x.currency = defaultCurrency());
            o.title = null;
            o.description = null;
            o.images = List.of();
            for (var e : attributes.properties()) {
                applyAttribute(o, e.getKey(), "replace", e.getValue());
            }
            o.touched();
            stats.itemsUpdated(1);
            return null;
        }));
        out.put("status", "ACCEPTED").putArray("issues");
        return ok(200, out, take.ratePerSecond());
    }

    /** Attribute-level checks of the common attributes; INVALID issues, not HTTP errors, as Amazon answers. */
    private static void validateAttribute(String attribute, JsonNode value, ArrayNode issues) {
        if (value == null || value.isNull()) {
            return;
        }
        for (JsonNode v : value) {
            String problem = null;
            switch (attribute) {
                case "fulfillment_availability" -> {
                    if (!v.path("fulfillment_channel_code").isString()) {
                        problem = "fulfillment_channel_code is required";
                    } else if (v.has("quantity") && (!v.get("quantity").isIntegralNumber() || v.get("quantity").longValue() < 0)) {
                        problem = "quantity must be an integer >= 0";
                    }
                }
                case "purchasable_offer" -> {
                    if (!v.path("marketplace_id").isString() || !v.path("currency").isString()) {
                        problem = "marketplace_id and currency are required";
                    }
                    for (JsonNode price : v.path("our_price")) {
                        for (JsonNode s : price.path("schedule")) {
                            JsonNode vt = s.get("value_with_tax");
                            if (vt == null || !vt.isNumber() || vt.decimalValue().signum() <= 0) {
                                problem = "our_price.schedule.value_with_tax must be a number > 0";
                            }
                        }
                    }
                }
                case "item_name", "product_description", "bullet_point" -> {
                    if (!v.path("value").isString()) {
                        problem = "value must be a string";
                    } else if (attribute.equals("item_name") && v.get("value").asString().length() > 200) {
                        problem = "item_name must be at most 200 characters";
                    }
                }
                default -> {
                    if (attribute.endsWith("_image_locator") || attribute.matches("other_product_image_locator_[1-8]")) {
                        if (!v.path("media_location").isString()) {
                            problem = "media_location is required";
                        }
                    }
                }
            }
            if (problem != null) {
                ObjectNode issue = issues.addObject().put("code", "90000900")
                        .put("message", "The attributes are invalid: " + attribute + ": " + problem).put("severity", "ERROR");
                issue.putArray("attributeNames").add(attribute);
                issue.putArray("categories").add("INVALID_ATTRIBUTE");
            }
        }
    }

    private static void applyAttribute(SandboxOffer o, String attribute, String op, JsonNode value) {
        boolean delete = "delete".equals(op) || value == null || value.isNull() || value.isEmpty();
        switch (attribute) {
            case "fulfillment_availability" -> {
                if (!delete && value.get(0).has("quantity")) {
                    o.quantity = value.get(0).get("quantity").intValue();
                }
            }
            case "purchasable_offer" -> {
                if (!delete) {
                    JsonNode offer = value.get(0);
                    JsonNode price = offer.path("our_price").path(0).path("schedule").path(0).get("value_with_tax");
                    if (price != null) {
                        o.price = price.decimalValue();
                    }
                    if (offer.has("currency")) {
                        o.currency = offer.get("currency").asString();
                    }
                }
            }
            case "item_name" -> o.title = delete ? null : value.get(0).path("value").asString(null);
            case "product_description" -> o.description = delete ? null : value.get(0).path("value").asString(null);
            case "main_product_image_locator" -> {
                List<String> images = new ArrayList<>(o.images);
                if (!images.isEmpty()) {
                    images.remove(0);
                }
                if (!delete) {
                    images.add(0, value.get(0).path("media_location").asString());
                }
                o.images = images;
            }
            case "externally_assigned_product_identifier" -> {
                if (!delete && "ean".equalsIgnoreCase(value.get(0).path("type").asString(""))) {
                    o.ean = value.get(0).path("value").asString();
                }
            }
            default -> {
            }
        }
        if (delete) {
            o.attributes.remove(attribute);
        } else {
            o.attributes.put(attribute, SandboxJson.MAPPER.treeToValue(value, Object.class));
        }
    }

    @GetMapping("/listings/2021-08-01/items/{sellerId}/{sku}")
    ResponseEntity<String> getListingsItem(HttpServletRequest request, @PathVariable String sellerId, @PathVariable String sku,
            @RequestParam(required = false) String marketplaceIds, @RequestParam(required = false) String includedData) {
        authorize(request);
        requireSeller(sellerId);
        requireMarketplaces(marketplaceIds);
        SandboxRateLimiter.Take take = limit("getListingsItem", 5, 10);
        String marketplace = marketplaceIds.split(",")[0];
        return offers.change(() -> offers.find(sku).map(o -> ok(200, item(o, marketplace), take.ratePerSecond()))
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NotFound",
                        "Requested item '" + sku + "' not found for seller " + sellerId + ".")));
    }

    @GetMapping("/listings/2021-08-01/items/{sellerId}")
    ResponseEntity<String> searchListingsItems(HttpServletRequest request, @PathVariable String sellerId,
            @RequestParam(required = false) String marketplaceIds, @RequestParam(required = false) String identifiers,
            @RequestParam(required = false) String identifiersType, @RequestParam(defaultValue = "10") String pageSize,
            @RequestParam(required = false) String pageToken) {
        authorize(request);
        requireSeller(sellerId);
        requireMarketplaces(marketplaceIds);
        SandboxRateLimiter.Take take = limit("searchListingsItems", 5, 5);
        int size;
        try {
            size = Integer.parseInt(pageSize);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > 20) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "pageSize must be 1..20", "pageSize");
        }
        Set<String> wanted = identifiers == null ? null : Set.of(identifiers.split(","));
        if (wanted != null && (identifiersType == null || !Set.of("SKU", "EAN", "GTIN", "ASIN", "UPC").contains(identifiersType))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "identifiersType is required with identifiers", "identifiersType");
        }
        if (wanted != null && wanted.size() > 20) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "at most 20 identifiers", "identifiers");
        }
        int start = 0;
        if (pageToken != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Invalid pageToken", "pageToken");
            }
        }
        String marketplace = marketplaceIds.split(",")[0];
        int from = start;
        int pageLength = size;
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all().stream().filter(o -> wanted == null
                    || ("SKU".equals(identifiersType) && wanted.contains(o.sku))
                    || (Set.of("EAN", "GTIN", "UPC").contains(identifiersType) && o.ean != null && wanted.contains(o.ean))).toList();
            ObjectNode out = SandboxJson.object().put("numberOfResults", all.size());
            if (from + pageLength < Math.min(all.size(), 1000)) {
                out.putObject("pagination").put("nextToken",
                        Base64.getUrlEncoder().encodeToString(String.valueOf(from + pageLength).getBytes(StandardCharsets.UTF_8)));
            }
            ArrayNode items = out.putArray("items");
            all.stream().skip(from).limit(pageLength).forEach(o -> items.add(item(o, marketplace)));
            return ok(200, out, take.ratePerSecond());
        });
    }

    private static ObjectNode item(SandboxOffer o, String marketplace) {
        ObjectNode n = SandboxJson.object().put("sku", o.sku);
        ObjectNode summary = n.putArray("summaries").addObject().put("marketplaceId", marketplace)
                .put("asin", "B0" + Integer.toHexString(Math.abs(o.sku.hashCode())).toUpperCase())
                .put("productType", "PRODUCT").put("conditionType", "new_new");
        summary.putArray("status").add("BUYABLE").add("DISCOVERABLE");
        summary.put("itemName", o.title).put("lastUpdatedDate", o.lastUpdated.toString());
        ArrayNode offerList = n.putArray("offers");
        if (o.price != null) {
            offerList.addObject().put("marketplaceId", marketplace).put("offerType", "B2C").putObject("price")
                    .put("currencyCode", o.currency).put("amount", o.price.toPlainString());
        }
        n.putArray("fulfillmentAvailability").addObject().put("fulfillmentChannelCode", "DEFAULT").put("quantity", o.quantity);
        if (o.ean != null) {
            n.putArray("identifiers").addObject().put("marketplaceId", marketplace).putArray("identifiers").addObject()
                    .put("identifierType", "EAN").put("identifier", o.ean);
        }
        n.set("attributes", SandboxJson.MAPPER.valueToTree(o.attributes));
        n.putArray("issues");
        return n;
    }

    // ---------------------------------------------------------------- feeds

    @PostMapping("/feeds/2021-06-30/documents")
    ResponseEntity<String> createFeedDocument(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("createFeedDocument", 0.5, 15);
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, JsonShape.object().required("contentType", JsonShape.string(1, 200)), "InvalidInput");
        String id = "amzn1.tortuga.4.na." + UUID.randomUUID();
        Document doc = new Document(id, body.get("contentType").asString(), Instant.now().plus(Duration.ofMinutes(5)));
        documents.put(id, doc);
        return ok(201, SandboxJson.object().put("feedDocumentId", id).put("url", uploadUrl(request, id)), take.ratePerSecond());
    }

    private static String uploadUrl(HttpServletRequest request, String id) {
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.indexOf("/sandbox/amazon/") + "/sandbox/amazon".length());
        return base + "/uploads/" + id + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The pre-signed upload URL (an S3 URL in reality): no SP-API token, content type must match the document's. */
    @PutMapping("/uploads/{documentId}")
    ResponseEntity<String> upload(HttpServletRequest request, @PathVariable String documentId, @RequestBody(required = false) byte[] bytes) {
        Document doc = documents.get(documentId);
        if (doc == null || request.getParameter("X-Amz-Signature") == null) {
            return s3Error(403, "AccessDenied", "Access Denied");
        }
        if (Instant.now().isAfter(doc.urlExpires)) {
            return s3Error(403, "AccessDenied", "Request has expired");
        }
        if (!doc.contentType.equalsIgnoreCase(request.getContentType())) {
            return s3Error(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided (Content-Type must be '" + doc.contentType + "').");
        }
        if (bytes != null && bytes.length > 10 * 1024 * 1024) {
            return s3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size (10 MB)");
        }
        doc.content = bytes == null ? new byte[0] : bytes;
        return ResponseEntity.ok().header("ETag", "\"" + UUID.randomUUID() + "\"").build();
    }

    @GetMapping("/uploads/{documentId}")
    ResponseEntity<String> download(@PathVariable String documentId) {
        Document doc = documents.get(documentId);
        if (doc == null || doc.content == null) {
            return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        return ResponseEntity.ok().header("Content-Type", doc.contentType).body(new String(doc.content, StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> s3Error(int status, String code, String message) {
        return ResponseEntity.status(status).header("Content-Type", "application/xml")
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>");
    }

    private static final JsonShape CREATE_FEED = JsonShape.object()
            .required("feedType", JsonShape.string(1, 100))
            .required("marketplaceIds", JsonShape.array(JsonShape.string(1, 50), 1, 25))
            .required("inputFeedDocumentId", JsonShape.string(1, 300))
            .optional("feedOptions", JsonShape.object().open());

    @PostMapping("/feeds/2021-06-30/feeds")
    ResponseEntity<String> createFeed(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("createFeed", 0.0083, 15);
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, CREATE_FEED, "InvalidInput");
        if (!"JSON_LISTINGS_FEED".equals(body.get("feedType").asString())) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                    "Unsupported feedType " + body.get("feedType").asString() + " (the sandbox serves JSON_LISTINGS_FEED).", "feedType");
        }
        for (JsonNode m : body.get("marketplaceIds")) {
            requireMarketplaces(m.asString());
        }
        Document doc = documents.get(body.get("inputFeedDocumentId").asString());
        if (doc == null || doc.content == null) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                    "Invalid inputFeedDocumentId: unknown document or nothing uploaded to its URL.", "inputFeedDocumentId");
        }
        String feedId = String.valueOf(feedIds.incrementAndGet());
        ObjectNode meta = ((ObjectNode) body).deepCopy().put("feedId", feedId);
        AsyncJob job = new AsyncJob("feed-" + feedId, meta);
        feeds.put(feedId, job);
        stats.updateRequest();
        jobs.submit(job, j -> processFeed(feedId, doc));
        return ok(202, SandboxJson.object().put("feedId", feedId), take.ratePerSecond());
    }

    /** Applies a JSON_LISTINGS_FEED document; returns the id of its processing report document. */
    private String processFeed(String feedId, Document doc) {
        JsonNode feed;
        try {
            feed = SandboxJson.parse(doc.content);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The feed document is not valid JSON");
        }
        JsonNode header = feed.path("header");
        if (!header.path("sellerId").isString() || !"2.0".equals(header.path("version").asString(""))
                || !feed.path("messages").isArray() || feed.get("messages").isEmpty() || feed.get("messages").size() > 25000) {
            throw new IllegalStateException("The feed document does not match the JSON_LISTINGS_FEED schema (header.sellerId, header.version 2.0, 1..25000 messages)");
        }
        if (!sellerId().equals(header.get("sellerId").asString())) {
            throw new IllegalStateException("header.sellerId does not match the selling partner");
        }
        ArrayNode issues = SandboxJson.array();
        int accepted = 0;
        int invalid = 0;
        Set<Long> messageIds = new HashSet<>();
        for (JsonNode m : feed.get("messages")) {
            long messageId = m.path("messageId").isIntegralNumber() ? m.get("messageId").longValue() : -1;
            String sku = m.path("sku").asString("");
            String problem = messageProblem(m, messageId, sku, messageIds);
            ArrayNode messageIssues = SandboxJson.array();
            if (problem != null) {
                messageIssues.addObject().put("code", "4000001").put("severity", "ERROR").put("message", problem);
            } else if (!"DELETE".equals(m.get("operationType").asString())) {
                List<Map.Entry<String, JsonNode>> changes = new ArrayList<>();
                if (m.has("patches")) {
                    for (JsonNode p : m.get("patches")) {
                        String path = p.path("path").asString("");
                        if (!path.matches("/attributes/[a-z0-9_]+")) {
                            messageIssues.addObject().put("code", "4000001").put("severity", "ERROR")
                                    .put("message", "Invalid patch path " + path);
                        } else {
                            changes.add(Map.entry(path.substring(12), p.path("value")));
                        }
                    }
                } else {
                    m.get("attributes").properties().forEach(e -> changes.add(Map.entry(e.getKey(), e.getValue())));
                }
                for (var c : changes) {
                    validateAttribute(c.getKey(), c.getValue(), messageIssues);
                }
                if (messageIssues.isEmpty() && faults.rejects(sku)) {
                    messageIssues.addObject().put("code", "90000900").put("severity", "ERROR")
                            .put("message", "The listing was rejected (sandbox fault).");
                }
                if (messageIssues.isEmpty()) {
                    boolean exists = offers.find(sku).isPresent();
                    if (!exists && "PATCH".equals(m.get("operationType").asString())) {
                        messageIssues.addObject().put("code", "4000002").put("severity", "ERROR")
                                .put("message", "SKU " + sku + " does not exist; PATCH needs an existing listing.");
                    } else {
                        offers.change(() -> {
                            SandboxOffer o = offers.getOrCreate(sku, x -> x.currency = defaultCurrency());
                            for (var c : changes) {
                                applyAttribute(o, c.getKey(), "replace", c.getValue());
                            }
                            o.touched();
                            return null;
                        });
                        stats.itemsUpdated(1);
                    }
                }
            } else {
                offers.remove(sku);
            }
            for (JsonNode issue : messageIssues) {
                ObjectNode copy = SandboxJson.object().put("messageId", messageId).put("sku", sku);
                copy.setAll((ObjectNode) issue);
                issues.add(copy);
            }
            if (messageIssues.isEmpty()) {
                accepted++;
            } else {
                invalid++;
            }
        }
        ObjectNode report = SandboxJson.object();
        report.putObject("header").put("sellerId", sellerId()).put("version", "2.0").put("feedId", feedId);
        report.set("issues", issues);
        report.putObject("summary").put("errors", issues.size()).put("warnings", 0)
                .put("messagesProcessed", accepted + invalid).put("messagesAccepted", accepted).put("messagesInvalid", invalid);
        String reportId = "amzn1.tortuga.4.na.report-" + UUID.randomUUID();
        Document result = new Document(reportId, "application/json; charset=UTF-8", Instant.now().plus(Duration.ofDays(1)));
        result.content = SandboxJson.write(report).getBytes(StandardCharsets.UTF_8);
        documents.put(reportId, result);
        return reportId;
    }

    private static String messageProblem(JsonNode m, long messageId, String sku, Set<Long> seen) {
        if (!m.isObject()) {
            return "message must be an object";
        }
        for (String name : m.propertyNames()) {
            if (!Set.of("messageId", "sku", "operationType", "productType", "requirements", "attributes", "patches").contains(name)) {
                return "unknown property '" + name + "'";
            }
        }
        if (messageId < 1 || messageId > 2147483647L) {
            return "messageId must be an integer 1..2147483647";
        }
        if (!seen.add(messageId)) {
            return "messageId " + messageId + " is not unique in the feed";
        }
        if (sku.isEmpty()) {
            return "sku is required";
        }
        String op = m.path("operationType").asString("");
        return switch (op) {
            case "UPDATE" -> m.has("productType") && m.path("attributes").isObject() && !m.has("patches") ? null
                    : "UPDATE needs productType and attributes and no patches";
            case "PARTIAL_UPDATE" -> m.has("productType") && m.path("attributes").isObject() && !m.has("patches") && !m.has("requirements")
                    ? null : "PARTIAL_UPDATE needs productType and attributes, no requirements or patches";
            case "PATCH" -> m.has("productType") && m.path("patches").isArray() && !m.get("patches").isEmpty() && !m.has("attributes")
                    && !m.has("requirements") ? null : "PATCH needs productType and patches, no attributes or requirements";
            case "DELETE" -> !m.has("productType") && !m.has("attributes") && !m.has("patches") && !m.has("requirements") ? null
                    : "DELETE allows no productType, attributes, patches or requirements";
            default -> "operationType must be UPDATE, PARTIAL_UPDATE, PATCH or DELETE";
        };
    }

    @GetMapping("/feeds/2021-06-30/feeds/{feedId}")
    ResponseEntity<String> getFeed(HttpServletRequest request, @PathVariable String feedId) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("getFeed", 2, 15);
        AsyncJob job = feeds.get(feedId);
        if (job == null) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NotFound", "Feed " + feedId + " not found.");
        }
        JsonNode meta = (JsonNode) job.input;
        ObjectNode out = SandboxJson.object().put("feedId", feedId).put("feedType", meta.get("feedType").asString());
        out.set("marketplaceIds", meta.get("marketplaceIds"));
        out.put("createdTime", job.created.toString());
        out.put("processingStatus", switch (job.state) {
            case QUEUED -> "IN_QUEUE";
            case IN_PROGRESS -> "IN_PROGRESS";
            case DONE -> "DONE";
            case FAILED -> "FATAL";
        });
        if (job.started != null) {
            out.put("processingStartTime", job.started.toString());
        }
        if (job.finished != null) {
            out.put("processingEndTime", job.finished.toString());
        }
        if (job.state == AsyncJob.State.DONE) {
            out.put("resultFeedDocumentId", (String) job.result);
        } else if (job.state == AsyncJob.State.FAILED) {
            String reportId = "amzn1.tortuga.4.na.fatal-" + feedId;
            documents.computeIfAbsent(reportId, id -> {
                Document d = new Document(id, "application/json; charset=UTF-8", Instant.now().plus(Duration.ofDays(1)));
                ObjectNode report = SandboxJson.object();
                report.putObject("header").put("sellerId", sellerId()).put("version", "2.0").put("feedId", feedId);
                report.putArray("issues").addObject().put("code", "4000000").put("severity", "ERROR").put("message", job.failure);
                report.putObject("summary").put("errors", 1).put("warnings", 0).put("messagesProcessed", 0)
                        .put("messagesAccepted", 0).put("messagesInvalid", 0);
                d.content = SandboxJson.write(report).getBytes(StandardCharsets.UTF_8);
                return d;
            });
            out.put("resultFeedDocumentId", reportId);
        }
        return ok(200, out, take.ratePerSecond());
    }

    @GetMapping("/feeds/2021-06-30/documents/{documentId}")
    ResponseEntity<String> getFeedDocument(HttpServletRequest request, @PathVariable String documentId) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("getFeedDocument", 0.0222, 10);
        Document doc = documents.get(documentId);
        if (doc == null) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NotFound", "Document " + documentId + " not found.");
        }
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.indexOf("/sandbox/amazon/") + "/sandbox/amazon".length());
        return ok(200, SandboxJson.object().put("feedDocumentId", documentId)
                .put("url", base + "/uploads/" + documentId + "?X-Amz-Signature=" + UUID.randomUUID().toString().replace("-", "")),
                take.ratePerSecond());
    }

    // ---------------------------------------------------------------- orders

    /**
     * How far behind now the orders window must end (Amazon: two minutes). Configurable as
     * {@code omnisync.sandbox.amazon.order-lag} so tests need not wait; added by the connectors branch.
     */
    private Duration orderLag() {
        return settings.duration("amazon.order-lag", Duration.ofSeconds(settings.integer("amazon.orders-lag-seconds", 120)));
    }

    @GetMapping("/orders/v0/orders")
    ResponseEntity<String> getOrders(HttpServletRequest request, @RequestParam(name = "MarketplaceIds", required = false) String marketplaceIds,
            @RequestParam(name = "CreatedAfter", required = false) String createdAfter,
            @RequestParam(name = "CreatedBefore", required = false) String createdBefore,
            @RequestParam(name = "LastUpdatedAfter", required = false) String lastUpdatedAfter,
            @RequestParam(name = "LastUpdatedBefore", required = false) String lastUpdatedBefore,
            @RequestParam(name = "MaxResultsPerPage", defaultValue = "100") String maxResults,
            @RequestParam(name = "NextToken", required = false) String nextToken) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("getOrders", 0.0167, 20);
        Instant now = Instant.now();
        int max;
        int start = 0;
        Instant from;
        Instant to;
        boolean byCreation;
        if (nextToken != null) {
            String[] parts;
            try {
                parts = new String(Base64.getDecoder().decode(nextToken), StandardCharsets.UTF_8).split("\\|");
                byCreation = parts[0].equals("C");
                from = Instant.parse(parts[1]);
                to = Instant.parse(parts[2]);
                start = Integer.parseInt(parts[3]);
                max = Integer.parseInt(parts[4]);
            } catch (RuntimeException e) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Invalid NextToken", "NextToken");
            }
        } else {
            if (marketplaceIds == null) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "MarketplaceIds is required", "MarketplaceIds");
            }
            requireMarketplaces(marketplaceIds);
            if ((createdAfter == null) == (lastUpdatedAfter == null)) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                        "Exactly one of CreatedAfter or LastUpdatedAfter is required.", "CreatedAfter");
            }
            if ((createdAfter != null && lastUpdatedBefore != null) || (lastUpdatedAfter != null && createdBefore != null)) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                        "CreatedAfter cannot be combined with LastUpdated*, nor LastUpdatedAfter with Created*.", "LastUpdatedBefore");
            }
            byCreation = createdAfter != null;
            try {
                from = Instant.parse(byCreation ? createdAfter : lastUpdatedAfter);
                String before = byCreation ? createdBefore : lastUpdatedBefore;
                to = before == null ? now.minus(orderLag()) : Instant.parse(before);
            } catch (DateTimeParseException e) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Dates must be ISO-8601, e.g. 2024-05-01T00:00:00Z", "LastUpdatedAfter");
            }
            if (to.isBefore(from) || to.isAfter(now.minus(orderLag()).plusSeconds(1))) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                        "The Before date must be after the After date and at least 2 minutes before now.", "LastUpdatedBefore");
            }
            try {
                max = Integer.parseInt(maxResults);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 100) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "MaxResultsPerPage must be 1..100", "MaxResultsPerPage");
            }
        }
        Instant f = from;
        Instant t = to;
        boolean c = byCreation;
        List<SandboxOrder> selected = orders.all().stream().filter(o -> {
            Instant at = c ? o.created : o.updated;
            return !at.isBefore(f) && !at.isAfter(t);
        }).sorted(java.util.Comparator.comparing(o -> c ? o.created : o.updated)).toList();
        ObjectNode payload = SandboxJson.object();
        if (start + max < selected.size()) {
            payload.put("NextToken", Base64.getEncoder().encodeToString(((c ? "C" : "U") + "|" + f + "|" + t + "|" + (start + max) + "|" + max)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        payload.put(c ? "CreatedBefore" : "LastUpdatedBefore", t.toString());
        ArrayNode list = payload.putArray("Orders");
        String marketplace = marketplaceIds == null ? "ATVPDKIKX0DER" : marketplaceIds.split(",")[0];
        selected.stream().skip(start).limit(max).forEach(o -> list.add(order(o).put("MarketplaceId", marketplace)));
        ObjectNode out = SandboxJson.object();
        out.set("payload", payload);
        return ok(200, out, take.ratePerSecond());
    }

    @GetMapping("/orders/v0/orders/{orderId}")
    ResponseEntity<String> getOrder(HttpServletRequest request, @PathVariable String orderId) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("getOrder", 0.5, 30);
        SandboxOrder o = orders.find(orderId).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NotFound", "Order " + orderId + " not found."));
        ObjectNode out = SandboxJson.object();
        out.set("payload", order(o));
        return ok(200, out, take.ratePerSecond());
    }

    @GetMapping("/orders/v0/orders/{orderId}/orderItems")
    ResponseEntity<String> getOrderItems(HttpServletRequest request, @PathVariable String orderId) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("getOrderItems", 0.5, 30);
        SandboxOrder o = orders.find(orderId).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NotFound", "Order " + orderId + " not found."));
        ObjectNode payload = SandboxJson.object().put("AmazonOrderId", o.orderId);
        ArrayNode items = payload.putArray("OrderItems");
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            BigDecimal unit = offer == null || offer.price == null ? BigDecimal.ONE : offer.price;
            ObjectNode item = items.addObject().put("ASIN", "B0" + Integer.toHexString(Math.abs(l.sku().hashCode())).toUpperCase())
                    .put("SellerSKU", l.sku()).put("OrderItemId", l.lineId().replaceAll("\\D", ""))
                    .put("Title", offer == null ? l.sku() : offer.title).put("QuantityOrdered", l.quantity()).put("QuantityShipped", 0);
            item.putObject("ItemPrice").put("CurrencyCode", offer == null ? defaultCurrency() : offer.currency)
                    .put("Amount", unit.multiply(BigDecimal.valueOf(l.quantity())).toPlainString());
        }
        ObjectNode out = SandboxJson.object();
        out.set("payload", payload);
        return ok(200, out, take.ratePerSecond());
    }

    private ObjectNode order(SandboxOrder o) {
        boolean cancelled = o.status == SandboxOrder.Status.CANCELLED;
        int units = o.lines.stream().mapToInt(SandboxOrder.Line::quantity).sum();
        BigDecimal total = BigDecimal.ZERO;
        String currency = defaultCurrency();
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            if (offer != null && offer.price != null) {
                total = total.add(offer.price.multiply(BigDecimal.valueOf(l.quantity())));
                currency = offer.currency;
            }
        }
        ObjectNode n = SandboxJson.object().put("AmazonOrderId", o.orderId).put("PurchaseDate", o.created.toString())
                .put("LastUpdateDate", o.updated.toString()).put("OrderStatus", cancelled ? "Canceled" : "Unshipped")
                .put("FulfillmentChannel", "MFN").put("MarketplaceId", "ATVPDKIKX0DER")
                .put("NumberOfItemsShipped", 0).put("NumberOfItemsUnshipped", cancelled ? 0 : units);
        n.putObject("OrderTotal").put("CurrencyCode", currency).put("Amount", total.toPlainString());
        return n;
    }

    // ---------------------------------------------------------------- notifications setup

    private static final JsonShape DESTINATION = JsonShape.object()
            .required("name", JsonShape.string(1, 256))
            .required("resourceSpecification", JsonShape.object()
                    .optional("sqs", JsonShape.object().required("arn", JsonShape.string(1, 1000)))
                    .optional("eventBridge", JsonShape.object().required("region", JsonShape.string()).required("accountId", JsonShape.string())));

    /** createDestination (grantless). The sandbox cannot deliver to SQS/EventBridge: deliveries go to {@code _control/subscription}. */
    @PostMapping("/notifications/v1/destinations")
    ResponseEntity<String> createDestination(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorizeGrantless(request);
        SandboxRateLimiter.Take take = limit("createDestination", 1, 5);
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, DESTINATION, "InvalidInput");
        JsonNode spec = body.get("resourceSpecification");
        if (spec.has("sqs") == spec.has("eventBridge")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput",
                    "resourceSpecification needs exactly one of sqs or eventBridge", "resourceSpecification");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode destination = SandboxJson.object().put("name", body.get("name").asString()).put("destinationId", id);
        ObjectNode resource = destination.putObject("resource");
        if (spec.has("sqs")) {
            resource.putObject("sqs").put("arn", spec.get("sqs").get("arn").asString());
        } else {
            resource.set("eventBridge", spec.get("eventBridge"));
        }
        destinations.put(id, destination);
        ObjectNode out = SandboxJson.object();
        out.set("payload", destination);
        return ok(200, out, take.ratePerSecond());
    }

    @PostMapping("/notifications/v1/subscriptions/{notificationType}")
    ResponseEntity<String> createSubscription(HttpServletRequest request, @PathVariable String notificationType,
            @RequestBody(required = false) byte[] bytes) {
        authorize(request);
        SandboxRateLimiter.Take take = limit("createSubscription", 1, 5);
        requireJson(request);
        JsonNode body = body(bytes);
        requireShape(body, JsonShape.object().required("payloadVersion", JsonShape.string()).required("destinationId", JsonShape.string())
                .optional("processingDirective", JsonShape.object().open()), "InvalidInput");
        if (!Set.of("ORDER_CHANGE", "FEED_PROCESSING_FINISHED", "LISTINGS_ITEM_STATUS_CHANGE", "LISTINGS_ITEM_ISSUES_CHANGE",
                "ANY_OFFER_CHANGED", "PRICING_HEALTH").contains(notificationType)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Unknown notificationType " + notificationType, "notificationType");
        }
        if (!destinations.containsKey(body.get("destinationId").asString())) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "InvalidInput", "Unknown destinationId", "destinationId");
        }
        ObjectNode out = SandboxJson.object();
        out.putObject("payload").put("subscriptionId", UUID.randomUUID().toString()).put("payloadVersion", body.get("payloadVersion").asString())
                .put("destinationId", body.get("destinationId").asString());
        return ok(200, out, take.ratePerSecond());
    }

    /** ORDER_CHANGE as the SQS message body, POSTed to the URL subscribed via {@code _control/subscription}. */
    @Override
    protected void notifyOrder(SandboxOrder order, boolean cancelled) {
        String url = webhookUrl;
        if (url == null) {
            return;
        }
        ObjectNode msg = SandboxJson.object().put("NotificationVersion", "1.0").put("NotificationType", "ORDER_CHANGE")
                .put("PayloadVersion", "1.0").put("EventTime", Instant.now().toString());
        ObjectNode change = msg.putObject("Payload").putObject("OrderChangeNotification");
        change.put("NotificationLevel", "OrderLevel").put("SellerId", sellerId()).put("AmazonOrderId", order.orderId)
                .put("OrderChangeType", "OrderStatusChange");
        change.putObject("OrderChangeTrigger").put("TimeOfOrderChange", order.updated.toString())
                .put("ChangeReason", cancelled ? "Order Canceled" : "Order Created");
        ObjectNode summary = change.putObject("Summary").put("MarketplaceId", "ATVPDKIKX0DER")
                .put("OrderStatus", cancelled ? "Canceled" : "Unshipped").put("FulfillmentType", "MFN")
                .put("PurchaseDate", order.created.toString()).put("NumberOfItemsShipped", 0);
        ArrayNode items = summary.putArray("OrderItems");
        for (SandboxOrder.Line l : order.lines) {
            items.addObject().put("OrderItemId", l.lineId().replaceAll("\\D", "")).put("SellerSKU", l.sku())
                    .put("OrderItemStatus", cancelled ? "Canceled" : "Unshipped").put("Quantity", l.quantity())
                    .put("QuantityShipped", 0).put("IsBuyerRequestedCancel", false);
        }
        msg.putObject("NotificationMetadata").put("ApplicationId", "amzn1.sellerapps.app.sandbox")
                .put("SubscriptionId", "subscription-sandbox").put("PublishTime", Instant.now().toString())
                .put("NotificationId", UUID.randomUUID().toString());
        notifications.send(slug(), url, SandboxJson.write(msg), Map.of());
    }
}
