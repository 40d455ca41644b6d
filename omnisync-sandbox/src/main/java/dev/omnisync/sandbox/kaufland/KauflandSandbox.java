package dev.omnisync.sandbox.kaufland;

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
import dev.omnisync.sandbox.Signatures;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * Kaufland's Seller API v2 as wire/kaufland.md describes it: every request HMAC-SHA256 signed over
 * {@code METHOD\nURI\nBODY\nTIMESTAMP} (±5 min skew), 111 requests/s per seller across all endpoints, units in
 * integer cents, bulk updates of at most 150 distinct units (else the whole request fails) answered 207.
 */
@RestController
@RequestMapping("/sandbox/kaufland")
@SandboxEnabled
public class KauflandSandbox extends SandboxMarketplace {

    static final Set<String> STOREFRONTS = Set.of("de", "cz", "sk", "pl", "at", "fr", "it", "es", "nl");
    static final Set<String> LOCALES = Set.of("de-DE", "cs-CZ", "sk-SK", "de-AT", "pl-PL", "fr-FR", "it-IT", "es-ES", "nl-NL");
    private static final Set<String> EVENTS = Set.of("order_new", "order_unit_new", "order_unit_status_changed");

    private final AtomicLong unitIds = new AtomicLong(1000);
    private final AtomicLong orderUnitIds = new AtomicLong(314567896580000L);
    /** event_name → callback_url. */
    private final Map<String, String> subscriptionsByEvent = new ConcurrentHashMap<>();
    /** order id → its order units (one per piece). */
    private final Map<String, List<Long>> orderUnits = new ConcurrentHashMap<>();

    public KauflandSandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
    }

    @Override
    public String slug() {
        return "kaufland";
    }

    private String clientKey() {
        return settings.credential("kaufland", "client-key", "sandboxkauflandclientkey00000001");
    }

    private String secretKey() {
        return settings.credential("kaufland", "secret-key", "5a4e1d0c6b3f2e9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e");
    }

    @Override
    public Map<String, String> credentials() {
        return map("clientKey", clientKey(), "secretKey", secretKey(), "storefront", "de", "bulkMax", "150", "ratePerSecond", "111");
    }

    @Override
    protected void assignIds(SandboxOffer offer) {
        offer.ids.put("id_unit", String.valueOf(unitIds.incrementAndGet()));
        offer.ids.put("id_product", String.valueOf(362524000 + unitIds.get()));
    }

    @Override
    protected String newOrderId() {
        return Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase().substring(0, 7);
    }

    @Override
    protected void resetChannel() {
        subscriptionsByEvent.clear();
        orderUnits.clear();
    }

    @Override
    public void channelWideLimit() {
        limit("all", settings.integer("kaufland.rate-per-second", 111), settings.integer("kaufland.rate-per-second", 111));
    }

    // ---------------------------------------------------------------- errors

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        if (r.kind == SandboxRefusal.Kind.RATE_LIMIT) {
            return SandboxJson.respond(429, SandboxJson.object().put("message", "Too Many Requests").set("errors", SandboxJson.array()), r.headers);
        }
        String type = r.code != null && r.code.startsWith("/problems/") ? r.code : switch (r.kind) {
            case AUTH -> "/problems/unauthorized";
            case FORBIDDEN -> "/problems/forbidden";
            case NOT_FOUND -> "/problems/not-found";
            case SERVER -> "/problems/server-error";
            case TIMEOUT -> "/problems/service-unavailable";
            default -> "/problems/validation-error";
        };
        ObjectNode body = SandboxJson.object().put("type", type).put("message", r.getMessage());
        ArrayNode errors = body.putArray("errors");
        if (r.field != null) {
            errors.addObject().put("field", r.field).put("message", r.getMessage());
        }
        return SandboxJson.respond(r.status, body, r.headers);
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "/problems/too-many-requests", "Too Many Requests");
    }

    // ---------------------------------------------------------------- signing

    /** Checks the four headers and the signature over the request exactly as sent; returns nothing or refuses 401. */
    private void authenticate(HttpServletRequest request, byte[] body) {
        for (String h : List.of("Shop-Client-Key", "Shop-Timestamp", "Shop-Signature", "User-Agent")) {
            if (request.getHeader(h) == null || request.getHeader(h).isBlank()) {
                throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "/problems/missing-or-invalid-request-header",
                        "Missing or invalid request header " + h, h);
            }
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !(accept.contains("application/json") || accept.contains("*/*"))) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "/problems/missing-or-invalid-request-header",
                    "Missing or invalid request header Accept (send application/json)", "Accept");
        }
        if (!clientKey().equals(request.getHeader("Shop-Client-Key"))) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "/problems/invalid-credentials", "Invalid credentials", "Shop-Client-Key");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(request.getHeader("Shop-Timestamp"));
        } catch (NumberFormatException e) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "/problems/missing-or-invalid-request-header",
                    "Shop-Timestamp must be Unix time in seconds", "Shop-Timestamp");
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "/problems/missing-or-invalid-request-header",
                    "Shop-Timestamp is more than 5 minutes away from the server time", "Shop-Timestamp");
        }
        String uri = request.getRequestURL().toString() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String expected = sign(request.getMethod(), uri, body == null ? new byte[0] : body, timestamp, secretKey());
        String given = request.getHeader("Shop-Signature");
        String expectedBase64 = Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(expected));
        if (!Signatures.same(expected, given) && !expectedBase64.equals(given)) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "/problems/corrupted-signature",
                    "Signature is corrupted: sign METHOD\\nURI\\nBODY\\nTIMESTAMP with the secret key (URI as sent: " + uri + ")", "Shop-Signature");
        }
    }

    /** hex HMAC-SHA256(secret, METHOD\nURI\nBODY\nTIMESTAMP). */
    public static String sign(String method, String uri, byte[] body, long timestamp, String secret) {
        byte[] head = (method.toUpperCase() + "\n" + uri + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\n" + timestamp).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
        return Signatures.hmacSha256Hex(secret, all);
    }

    private static String storefront(String storefront, boolean required) {
        if (storefront == null) {
            if (required) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                        "Parameters [storefront] are missing or have wrong value.", "storefront");
            }
            return null;
        }
        if (!STOREFRONTS.contains(storefront)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [storefront] are missing or have wrong value.", "storefront");
        }
        return storefront;
    }

    private static String currency(String storefront) {
        return switch (storefront) {
            case "cz" -> "CZK";
            case "pl" -> "PLN";
            default -> "EUR";
        };
    }

    private static String unitStorefront(SandboxOffer o) {
        Object s = o.attributes.get("storefront");
        return s == null ? "de" : s.toString();
    }

    private static JsonNode json(HttpServletRequest request, byte[] bytes) {
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/bad-request", "Content-Type must be application/json", "Content-Type");
        }
        try {
            return SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/bad-request", "The request body is not valid JSON");
        }
    }

    // ---------------------------------------------------------------- status

    @GetMapping("/v2/status/ping")
    ResponseEntity<String> ping(HttpServletRequest request) {
        authenticate(request, null);
        return SandboxJson.respond(200, SandboxJson.object().put("message", "pong"));
    }

    @GetMapping("/v2/info/storefront")
    ResponseEntity<String> storefronts(HttpServletRequest request) {
        authenticate(request, null);
        ObjectNode out = SandboxJson.object();
        ArrayNode data = out.putArray("data");
        STOREFRONTS.stream().sorted().forEach(data::add);
        return SandboxJson.respond(200, out);
    }

    // ---------------------------------------------------------------- units

    private static final JsonShape UNIT_PATCH = JsonShape.object()
            .optional("amount", JsonShape.integer(0, 100000))
            .optional("listing_price", JsonShape.integer(1, 2_500_000_000L))
            .optional("minimum_price", JsonShape.integer(1, 2_500_000_000L))
            .optional("handling_time", JsonShape.integer(0, 100))
            .optional("note", JsonShape.string(0, 250))
            .optional("status", JsonShape.oneOf("AVAILABLE", "ONHOLD"))
            .optional("vat_indicator", JsonShape.oneOf("standard_rate", "reduced_rate_1", "reduced_rate_2", "super_reduced_rate", "zero_rate"))
            .optional("id_shipping_group", JsonShape.integer(1, Long.MAX_VALUE))
            .optional("id_warehouse", JsonShape.integer(1, Long.MAX_VALUE))
            .optional("eco_participation", JsonShape.integer(1, Long.MAX_VALUE))
            .optional("battery_participation", JsonShape.integer(1, Long.MAX_VALUE))
            .optional("shipping_rate", JsonShape.integer(0, Long.MAX_VALUE))
            .optional("transport_time_min", JsonShape.integer(0, 100))
            .optional("transport_time_max", JsonShape.integer(0, 100));

    private static final JsonShape UNIT_CREATE = JsonShape.object()
            .optional("ean", JsonShape.string(8, 14))
            .optional("id_product", JsonShape.integer(1, Long.MAX_VALUE))
            .required("id_offer", JsonShape.string(1, 250))
            .optional("condition", JsonShape.oneOf("NEW", "USED___AS_NEW", "USED___VERY_GOOD", "USED___GOOD", "USED___ACCEPTABLE"))
            .optional("amount", JsonShape.integer(0, 100000))
            .required("listing_price", JsonShape.integer(1, 2_500_000_000L))
            .optional("minimum_price", JsonShape.integer(1, 2_500_000_000L))
            .required("handling_time", JsonShape.integer(0, 100))
            .optional("note", JsonShape.string(0, 250))
            .optional("vat_indicator", JsonShape.oneOf("standard_rate", "reduced_rate_1", "reduced_rate_2", "super_reduced_rate", "zero_rate"))
            .optional("id_shipping_group", JsonShape.integer(1, Long.MAX_VALUE))
            .optional("id_warehouse", JsonShape.integer(1, Long.MAX_VALUE));

    @GetMapping("/v2/units")
    ResponseEntity<String> units(HttpServletRequest request, @RequestParam(required = false) String storefront,
            @RequestParam(defaultValue = "30") int limit, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(name = "id_offer", required = false) String idOffer, @RequestParam(required = false) String ean,
            @RequestParam(required = false) String embedded) {
        authenticate(request, null);
        String sf = storefront(storefront, true);
        if (limit < 0 || limit > 100 || offset < 0) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [limit] are missing or have wrong value.", "limit");
        }
        boolean withProduct = embedded != null && embedded.contains("products");
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all().stream().filter(o -> unitStorefront(o).equals(sf))
                    .filter(o -> idOffer == null || o.sku.equals(idOffer))
                    .filter(o -> ean == null || ean.equals(o.ean)).toList();
            ObjectNode out = SandboxJson.object();
            ArrayNode data = out.putArray("data");
            all.stream().skip(offset).limit(limit).forEach(o -> data.add(unit(o, withProduct)));
            out.putObject("pagination").put("offset", offset).put("limit", limit).put("total", all.size());
            return SandboxJson.respond(200, out);
        });
    }

    @GetMapping("/v2/units/{idUnit}")
    ResponseEntity<String> getUnit(HttpServletRequest request, @PathVariable String idUnit, @RequestParam(required = false) String storefront) {
        authenticate(request, null);
        String sf = storefront(storefront, true);
        return offers.change(() -> SandboxJson.respond(200, SandboxJson.object().set("data", unit(findUnit(idUnit, sf), true))));
    }

    private SandboxOffer findUnit(String idUnit, String storefront) {
        return offers.findById("id_unit", idUnit).filter(o -> unitStorefront(o).equals(storefront))
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "/problems/not-found",
                        "Unit " + idUnit + " not found on storefront " + storefront, "id_unit"));
    }

    @PatchMapping("/v2/units/{idUnit}")
    ResponseEntity<String> patchUnit(HttpServletRequest request, @PathVariable String idUnit,
            @RequestParam(required = false) String storefront, @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes);
        String sf = storefront(storefront, true);
        JsonNode body = json(request, bytes);
        requireShape(body, UNIT_PATCH, "/problems/validation-error");
        SandboxOffer o = offers.change(() -> findUnit(idUnit, sf));
        if (faults.rejects(o.sku)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "The unit was rejected (sandbox fault).", "id_unit");
        }
        offers.change(() -> {
            applyUnit(o, body);
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(1);
        return SandboxJson.respond(200, offers.change(() -> SandboxJson.object().set("data", unit(o, false))));
    }

    private static void applyUnit(SandboxOffer o, JsonNode data) {
        for (var e : data.properties()) {
            switch (e.getKey()) {
                case "amount" -> o.quantity = e.getValue().intValue();
                case "listing_price" -> o.price = BigDecimal.valueOf(e.getValue().longValue()).movePointLeft(2);
                default -> o.attributes.put(e.getKey(), SandboxJson.MAPPER.treeToValue(e.getValue(), Object.class));
            }
        }
        o.touched();
    }

    private static final JsonShape BULK_ENTRY = JsonShape.object()
            .required("id_unit", JsonShape.integer(1, Long.MAX_VALUE))
            .required("unit_data", UNIT_PATCH);

    @PostMapping("/v2/units/bulk")
    ResponseEntity<String> bulk(HttpServletRequest request, @RequestParam(required = false) String storefront,
            @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes);
        String sf = storefront(storefront, true);
        JsonNode body = json(request, bytes);
        if (!body.isArray() || body.isEmpty()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/bad-request",
                    "The body must be a non-empty array of {id_unit, unit_data}");
        }
        int max = settings.integer("kaufland.bulk-max", 150);
        if (body.size() > max) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/units/bulk-too-many-units",
                    "Too many units in the request: at most " + max + " are allowed, got " + body.size() + ".");
        }
        Set<Long> seen = new HashSet<>();
        for (JsonNode entry : body) {
            JsonNode id = entry.path("id_unit");
            if (id.isIntegralNumber() && !seen.add(id.longValue())) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/units/bulk-duplicate-units",
                        "Duplicate id_unit " + id.longValue() + " in the request: every unit may appear once.");
            }
        }
        ArrayNode data = SandboxJson.array();
        int changed = 0;
        for (JsonNode entry : body) {
            List<JsonShape.Violation> violations = BULK_ENTRY.check(entry);
            long id = entry.path("id_unit").asLong(0);
            if (!violations.isEmpty()) {
                ObjectNode r = data.addObject().put("id_unit", id).put("status_code", 400)
                        .put("message", "Parameters are missing or have wrong value.");
                ArrayNode errs = r.putArray("errors");
                violations.forEach(v -> errs.addObject().put("field", v.path().replaceFirst("^unit_data\\.", "")).put("message", v.message()));
                continue;
            }
            SandboxOffer o = offers.findById("id_unit", String.valueOf(id)).filter(x -> unitStorefront(x).equals(sf)).orElse(null);
            if (o == null) {
                data.addObject().put("id_unit", id).put("status_code", 404).put("message", "Unit not found")
                        .putArray("errors").addObject().put("field", "id_unit").put("message", "Unit " + id + " not found");
                continue;
            }
            if (faults.rejects(o.sku)) {
                // a rejection is the seller's data (per-unit 400), not Kaufland's outage (per-unit 500, which clients resend)
                data.addObject().put("id_unit", id).put("status_code", 400)
                        .put("message", "Parameters [listingPrice] are missing or have wrong value.")
                        .putArray("errors").addObject().put("field", "listing_price").put("message", "The unit was rejected (sandbox fault).");
                continue;
            }
            offers.change(() -> {
                applyUnit(o, entry.get("unit_data"));
                return null;
            });
            changed++;
            data.addObject().put("id_unit", id).put("status_code", 200).set("unit", offers.change(() -> unit(o, false)));
        }
        if (changed > 0) {
            stats.updateRequest();
            stats.itemsUpdated(changed);
        }
        return SandboxJson.respond(207, SandboxJson.object().set("data", data));
    }

    @PostMapping("/v2/units")
    ResponseEntity<String> createUnit(HttpServletRequest request, @RequestParam(required = false) String storefront,
            @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes);
        String sf = storefront(storefront, true);
        JsonNode body = json(request, bytes);
        requireShape(body, UNIT_CREATE, "/problems/validation-error");
        if (!body.has("ean") && !body.has("id_product")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [ean] or [id_product] are missing.", "ean");
        }
        String sku = body.get("id_offer").asString();
        if (offers.find(sku).isPresent()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/already-exists", "A unit with id_offer " + sku + " exists already.", "id_offer");
        }
        SandboxOffer o = offers.change(() -> {
            SandboxOffer created = offers.getOrCreate(sku, this::assignIds);
            created.currency = currency(sf);
            created.attributes.put("storefront", sf);
            if (body.has("ean")) {
                created.ean = body.get("ean").asString();
            }
            ObjectNode data = ((ObjectNode) body).deepCopy();
            data.remove(List.of("ean", "id_offer", "id_product", "condition"));
            applyUnit(created, data);
            return created;
        });
        stats.updateRequest();
        stats.itemsUpdated(1);
        return SandboxJson.respond(200, offers.change(() -> SandboxJson.object().set("data", unit(o, false))));
    }

    @DeleteMapping("/v2/units/{idUnit}")
    ResponseEntity<String> deleteUnit(HttpServletRequest request, @PathVariable String idUnit, @RequestParam(required = false) String storefront) {
        authenticate(request, null);
        String sf = storefront(storefront, true);
        SandboxOffer o = offers.change(() -> findUnit(idUnit, sf));
        offers.remove(o.sku);
        stats.updateRequest();
        return SandboxJson.respond(204, null);
    }

    private ObjectNode unit(SandboxOffer o, boolean withProduct) {
        String sf = unitStorefront(o);
        ObjectNode n = SandboxJson.object();
        n.put("id_unit", Long.parseLong(o.ids.get("id_unit")));
        n.put("id_offer", o.sku);
        n.put("id_product", Long.parseLong(o.ids.get("id_product")));
        n.put("status", String.valueOf(o.attributes.getOrDefault("status", "AVAILABLE")));
        n.put("condition", "NEW");
        n.put("amount", o.quantity);
        long cents = o.price == null ? 0 : o.price.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
        n.put("listing_price", cents);
        Object min = o.attributes.get("minimum_price");
        if (min != null) {
            n.put("minimum_price", ((Number) min).longValue());
        } else {
            n.putNull("minimum_price");
        }
        n.put("price", cents);
        n.put("currency", currency(sf));
        n.put("storefront", sf);
        n.put("handling_time", ((Number) o.attributes.getOrDefault("handling_time", 1)).intValue());
        n.put("shipping_rate", ((Number) o.attributes.getOrDefault("shipping_rate", 390)).longValue());
        n.put("transport_time_min", 1).put("transport_time_max", 3);
        n.put("fulfillment_type", "fulfilled_by_merchant");
        n.put("vat_indicator", String.valueOf(o.attributes.getOrDefault("vat_indicator", "standard_rate")));
        n.put("note", String.valueOf(o.attributes.getOrDefault("note", "")));
        n.putNull("id_warehouse").putNull("id_shipping_group");
        n.put("date_inserted_iso", o.lastUpdated.toString());
        n.put("date_lastchange_iso", o.lastUpdated.toString());
        if (withProduct) {
            ObjectNode p = n.putObject("product").put("id_product", Long.parseLong(o.ids.get("id_product"))).put("title", o.title);
            ArrayNode eans = p.putArray("eans");
            if (o.ean != null) {
                eans.add(o.ean);
            }
            p.put("main_picture", o.images.isEmpty() ? null : o.images.get(0));
        }
        return n;
    }

    // ---------------------------------------------------------------- product data (content)

    private static final JsonShape PRODUCT_DATA = JsonShape.object()
            .required("ean", JsonShape.array(JsonShape.string(8, 14), 1, 100))
            .required("attributes", JsonShape.object().open());

    @PutMapping("/v2/product-data")
    ResponseEntity<String> putProductData(HttpServletRequest request, @RequestParam(required = false) String locale,
            @RequestBody(required = false) byte[] bytes) {
        return productData(request, locale, bytes, true);
    }

    @PatchMapping("/v2/product-data")
    ResponseEntity<String> patchProductData(HttpServletRequest request, @RequestParam(required = false) String locale,
            @RequestBody(required = false) byte[] bytes) {
        return productData(request, locale, bytes, false);
    }

    private ResponseEntity<String> productData(HttpServletRequest request, String locale, byte[] bytes, boolean replace) {
        authenticate(request, bytes);
        if (locale == null || !LOCALES.contains(locale)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [locale] are missing or have wrong value.", "locale");
        }
        JsonNode body = json(request, bytes);
        requireShape(body, PRODUCT_DATA, "/problems/validation-error");
        for (var e : body.get("attributes").properties()) {
            JsonNode v = e.getValue();
            boolean ok = e.getKey().equals("product_safety_contact")
                    ? v.isObject() && v.path("name").isString() && v.path("address").isString()
                    : v.isArray() && v.valueStream().allMatch(JsonNode::isString);
            if (!ok) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                        e.getKey().equals("product_safety_contact") ? "product_safety_contact needs name and address"
                                : "Attribute values must be arrays of strings", "attributes." + e.getKey());
            }
        }
        Set<String> eans = new HashSet<>();
        body.get("ean").forEach(n -> eans.add(n.asString()));
        JsonNode attributes = body.get("attributes");
        int changed = offers.change(() -> {
            int n = 0;
            for (SandboxOffer o : offers.all()) {
                if (o.ean != null && eans.contains(o.ean) && !faults.rejects(o.sku)) {
                    if (replace) {
                        o.title = null;
                        o.description = null;
                        o.images = List.of();
                    }
                    for (var e : attributes.properties()) {
                        JsonNode v = e.getValue();
                        switch (e.getKey()) {
                            case "title" -> o.title = v.get(0) == null ? null : v.get(0).asString();
                            case "description" -> o.description = v.get(0) == null ? null : v.get(0).asString();
                            case "picture" -> o.images = v.valueStream().map(JsonNode::asString).toList();
                            default -> o.attributes.put(e.getKey(), SandboxJson.MAPPER.treeToValue(v, Object.class));
                        }
                    }
                    o.touched();
                    n++;
                }
            }
            return n;
        });
        stats.updateRequest();
        stats.itemsUpdated(changed);
        ObjectNode out = SandboxJson.object();
        out.putObject("data").set("ean", body.get("ean"));
        return SandboxJson.respond(200, out);
    }

    @GetMapping("/v2/product-data/status/{ean}")
    ResponseEntity<String> productDataStatus(HttpServletRequest request, @PathVariable String ean, @RequestParam(required = false) String locale) {
        authenticate(request, null);
        SandboxOffer o = offers.all().stream().filter(x -> ean.equals(x.ean)).findFirst()
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "/problems/not-found", "Product Data not found"));
        ObjectNode data = SandboxJson.object().put("product_ready", true).put("update_status", "SUCCESS")
                .put("id_product", Long.parseLong(o.ids.get("id_product"))).putNull("product_not_ready_reason").putNull("update_fail_reason");
        data.putArray("attribute_values");
        data.putArray("missing_attributes");
        data.putArray("min_one_missing_attributes");
        return SandboxJson.respond(200, SandboxJson.object().set("data", data));
    }

    // ---------------------------------------------------------------- order units

    private List<Long> unitsOf(SandboxOrder order) {
        return orderUnits.computeIfAbsent(order.orderId, id -> {
            List<Long> ids = new ArrayList<>();
            for (SandboxOrder.Line l : order.lines) {
                for (int i = 0; i < l.quantity(); i++) {
                    ids.add(orderUnitIds.incrementAndGet());
                }
            }
            return ids;
        });
    }

    /** (order, line, order unit id) for every piece. */
    private record OrderUnit(SandboxOrder order, SandboxOrder.Line line, long id) {
    }

    private List<OrderUnit> allOrderUnits() {
        List<OrderUnit> out = new ArrayList<>();
        for (SandboxOrder o : orders.all()) {
            List<Long> ids = unitsOf(o);
            int k = 0;
            for (SandboxOrder.Line l : o.lines) {
                for (int i = 0; i < l.quantity(); i++) {
                    out.add(new OrderUnit(o, l, ids.get(k++)));
                }
            }
        }
        return out;
    }

    @GetMapping("/v2/order-units")
    ResponseEntity<String> orderUnits(HttpServletRequest request, @RequestParam(required = false) String storefront,
            @RequestParam(name = "ts_updated_from_iso", required = false) String updatedFrom,
            @RequestParam(name = "ts_created_from_iso", required = false) String createdFrom,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "30") int limit,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(name = "id_offer", required = false) String idOffer) {
        authenticate(request, null);
        storefront(storefront, false);
        if (limit < 1 || limit > 100 || offset < 0) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [limit] are missing or have wrong value.", "limit");
        }
        if (sort != null && !Set.of("ts_created:desc", "ts_updated:desc").contains(sort)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [sort] are missing or have wrong value.", "sort");
        }
        Instant uf = iso(updatedFrom, "ts_updated_from_iso");
        Instant cf = iso(createdFrom, "ts_created_from_iso");
        boolean byUpdate = "ts_updated:desc".equals(sort);
        List<OrderUnit> selected = allOrderUnits().stream()
                .filter(u -> uf == null || !u.order().updated.isBefore(uf))
                .filter(u -> cf == null || !u.order().created.isBefore(cf))
                .filter(u -> idOffer == null || u.line().sku().equals(idOffer))
                .sorted((a, b) -> byUpdate ? b.order().updated.compareTo(a.order().updated) : b.order().created.compareTo(a.order().created))
                .toList();
        ObjectNode out = SandboxJson.object();
        ArrayNode data = out.putArray("data");
        selected.stream().skip(offset).limit(limit).forEach(u -> data.add(orderUnit(u)));
        out.putObject("pagination").put("offset", offset).put("limit", limit).put("total", selected.size());
        return SandboxJson.respond(200, out);
    }

    @GetMapping("/v2/order-units/{id}")
    ResponseEntity<String> orderUnit(HttpServletRequest request, @PathVariable long id) {
        authenticate(request, null);
        OrderUnit u = allOrderUnits().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "/problems/not-found", "Order unit " + id + " not found"));
        return SandboxJson.respond(200, SandboxJson.object().set("data", orderUnit(u)));
    }

    private static Instant iso(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [" + name + "] are missing or have wrong value (YYYY-MM-ddTHH:mm:ssZ).", name);
        }
    }

    private ObjectNode orderUnit(OrderUnit u) {
        SandboxOffer offer = offers.find(u.line().sku()).orElse(null);
        String sf = offer == null ? "de" : unitStorefront(offer);
        long cents = offer == null || offer.price == null ? 100 : offer.price.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
        boolean cancelled = u.order().status == SandboxOrder.Status.CANCELLED;
        ObjectNode n = SandboxJson.object().put("id_order_unit", u.id()).put("id_order", u.order().orderId)
                .put("id_offer", u.line().sku()).put("status", cancelled ? "cancelled" : "need_to_be_sent");
        if (cancelled) {
            n.put("cancel_reason", "BuyerCancelled");
        } else {
            n.putNull("cancel_reason");
        }
        n.put("price", cents).put("revenue_gross", cents).put("revenue_net", cents * 100 / 119).put("shipping_rate", 390)
                .put("currency", currency(sf)).put("storefront", sf).put("fulfillment_type", "fulfilled_by_merchant")
                .put("ts_created_iso", u.order().created.toString()).put("ts_updated_iso", u.order().updated.toString())
                .put("delivery_time_min", 1).put("delivery_time_max", 3).put("note", "").put("unit_condition", "new").put("vat", 19)
                .put("is_marketplace_deemed_supplier", false);
        ObjectNode p = n.putObject("product").put("id_product", offer == null ? 0 : Long.parseLong(offer.ids.get("id_product")))
                .put("title", offer == null ? u.line().sku() : offer.title);
        ArrayNode eans = p.putArray("eans");
        if (offer != null && offer.ean != null) {
            eans.add(offer.ean);
        }
        n.putObject("buyer").put("id_buyer", 21631426).put("email", "buyer@kaufland-marktplatz.example");
        n.putNull("shipping_address").putNull("billing_address");
        return n;
    }

    // ---------------------------------------------------------------- subscriptions

    private static final JsonShape SUBSCRIPTION = JsonShape.object()
            .required("callback_url", JsonShape.string(1, 255))
            .optional("fallback_email", JsonShape.string())
            .required("event_name", JsonShape.string())
            .optional("is_active", JsonShape.bool());

    @PostMapping("/v2/subscriptions")
    ResponseEntity<String> subscribe(HttpServletRequest request, @RequestParam(required = false) String storefront,
            @RequestBody(required = false) byte[] bytes) {
        authenticate(request, bytes);
        String sf = storefront(storefront, false);
        JsonNode body = json(request, bytes);
        requireShape(body, SUBSCRIPTION, "/problems/validation-error");
        String event = body.get("event_name").asString();
        if (!EVENTS.contains(event) && !event.startsWith("item_") && !event.startsWith("return_") && !event.equals("category_changed")) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/problems/validation-error",
                    "Parameters [event_name] are missing or have wrong value.", "event_name");
        }
        subscriptionsByEvent.put(event, body.get("callback_url").asString());
        ObjectNode data = SandboxJson.object().put("id_subscription", 11000 + subscriptionsByEvent.size())
                .put("callback_url", body.get("callback_url").asString())
                .put("fallback_email", body.path("fallback_email").asString(null)).put("event_name", event)
                .put("is_active", true).put("storefront", sf == null ? "de" : sf);
        return SandboxJson.respond(201, SandboxJson.object().set("data", data));
    }

    @Override
    public void subscribe(String url) {
        EVENTS.forEach(e -> subscriptionsByEvent.put(e, url));
        super.subscribe(url);
    }

    @Override
    protected void notifyOrder(SandboxOrder order, boolean cancelled) {
        List<Long> ids = unitsOf(order);
        String event = cancelled ? "order_unit_status_changed" : "order_unit_new";
        String url = subscriptionsByEvent.get(event);
        if (url != null) {
            for (Long id : ids) {
                ObjectNode msg = SandboxJson.object().put("event_name", event).put("id_message", UUID.randomUUID().toString().substring(0, 8))
                        .put("resource", "/order-units/" + id + "/").put("storefront", "de");
                deliver(url, SandboxJson.write(msg));
            }
        }
        String orderUrl = subscriptionsByEvent.get("order_new");
        if (!cancelled && orderUrl != null && !orderUrl.equals(url)) {
            ObjectNode msg = SandboxJson.object().put("event_name", "order_new").put("id_message", UUID.randomUUID().toString().substring(0, 8))
                    .put("resource", "/orders/" + order.orderId + "/").put("storefront", "de");
            deliver(orderUrl, SandboxJson.write(msg));
        }
    }

    private void deliver(String url, String body) {
        long ts = Instant.now().getEpochSecond();
        String signature = sign("POST", url, body.getBytes(StandardCharsets.UTF_8), ts, secretKey());
        notifications.send(slug(), url, body, Map.of("Shop-Timestamp", String.valueOf(ts), "Shop-Signature", signature));
    }
}
