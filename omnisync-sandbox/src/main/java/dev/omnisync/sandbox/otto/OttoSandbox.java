package dev.omnisync.sandbox.otto;

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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTTO Market as wire/otto.md describes it: scoped client-credentials tokens (30 min), quantities synchronous
 * (≤200, a bad item fails the whole request, 413 over the limit), prices and products asynchronous update
 * tasks (≤500) with succeeded/failed/unchanged results, one order position item per unit.
 */
@RestController
@RequestMapping("/sandbox/otto")
@SandboxEnabled
public class OttoSandbox extends SandboxMarketplace {

    static final Set<String> SCOPES = Set.of("products", "orders", "receipts", "returns", "price-reduction", "shipments", "quantities", "accounting");

    private final Map<String, AsyncJob> tasks = new ConcurrentHashMap<>();

    public OttoSandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
    }

    @Override
    public String slug() {
        return "otto";
    }

    private String clientId() {
        return settings.credential("otto", "client-id", "sandbox-otto-client-id");
    }

    private String clientSecret() {
        return settings.credential("otto", "client-secret", "sandbox-otto-client-secret");
    }

    @Override
    public Map<String, String> credentials() {
        return map("clientId", clientId(), "clientSecret", clientSecret(), "scopes", String.join(" ", SCOPES));
    }

    @Override
    public boolean isAuthPath(String path) {
        return path.startsWith("/v1/token");
    }

    @Override
    protected String newOrderId() {
        return UUID.randomUUID().toString();
    }

    @Override
    protected void resetChannel() {
        tasks.clear();
    }

    // ---------------------------------------------------------------- errors

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        String title = switch (r.kind) {
            case AUTH -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            case RATE_LIMIT -> "Too Many Requests";
            case NOT_FOUND -> "Not Found";
            case TOO_LARGE -> "Payload Too Large";
            case SERVER, TIMEOUT -> "Internal Server Error";
            default -> "Invalid Attribute";
        };
        ObjectNode body = SandboxJson.object();
        ObjectNode e = body.putArray("errors").addObject().put("path", r.code != null && r.code.startsWith("/") ? r.code : "/")
                .put("title", title).put("code", String.valueOf(r.status)).put("detail", r.getMessage())
                .put("logref", UUID.randomUUID().toString().substring(0, 8));
        if (r.field != null) {
            e.put("jsonPath", r.field);
        }
        body.putArray("warnings");
        return SandboxJson.respond(r.status, body, r.headers);
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "/", "Rate limit exceeded");
    }

    // ---------------------------------------------------------------- token

    @PostMapping("/v1/token")
    ResponseEntity<String> token(HttpServletRequest request, @RequestParam MultiValueMap<String, String> form) {
        String ct = request.getContentType();
        if (ct == null || !ct.startsWith("application/x-www-form-urlencoded")) {
            return oauth(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return oauth(400, "unsupported_grant_type", "Unsupported grant type");
        }
        if (!clientId().equals(form.getFirst("client_id")) || !clientSecret().equals(form.getFirst("client_secret"))) {
            return oauth(401, "invalid_client", "Invalid client credentials");
        }
        Set<String> scopes = new LinkedHashSet<>();
        String scope = form.getFirst("scope");
        if (scope != null) {
            for (String s : scope.trim().split("\\s+")) {
                if (!s.isBlank()) {
                    scopes.add(s);
                }
            }
        }
        List<String> invalid = scopes.stream().filter(s -> !SCOPES.contains(s)).toList();
        if (!invalid.isEmpty()) {
            return oauth(400, "invalid_scope", "Invalid scopes: " + String.join(" ", invalid));
        }
        SandboxTokens.Issued t = tokens.issue("eyJhbGciOiJSUzI1NiJ9.sandbox.", Duration.ofSeconds(1800), scopes);
        return SandboxJson.respond(200, SandboxJson.object().put("access_token", t.token()).put("expires_in", 1800)
                .put("refresh_expires_in", 0).put("token_type", "Bearer").put("not-before-policy", 0).put("scope", String.join(" ", scopes)));
    }

    private static ResponseEntity<String> oauth(int status, String error, String description) {
        return SandboxJson.respond(status, SandboxJson.object().put("error", error).put("error_description", description));
    }

    private void authorize(HttpServletRequest request, String scope) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, request.getRequestURI(), "Missing bearer token");
        }
        String token = header.substring(7).trim();
        SandboxTokens.Check check = tokens.check(token);
        if (check != SandboxTokens.Check.VALID) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, pathOf(request),
                    check == SandboxTokens.Check.EXPIRED ? "The access token has expired" : "Invalid access token");
        }
        if (!tokens.get(token).scopes().contains(scope)) {
            throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, pathOf(request), "The token lacks the scope '" + scope + "'");
        }
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getRequestURI().indexOf("/sandbox/otto") + "/sandbox/otto".length());
    }

    private static JsonNode json(HttpServletRequest request, byte[] bytes) {
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, pathOf(request), "Content-Type must be application/json");
        }
        try {
            return SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, pathOf(request), "The request body is not valid JSON");
        }
    }

    private static void requireArray(HttpServletRequest request, JsonNode body, int max) {
        if (!body.isArray() || body.isEmpty()) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, pathOf(request), "The body must be a non-empty JSON array", "$");
        }
        if (body.size() > max) {
            throw new SandboxRefusal(413, SandboxRefusal.Kind.TOO_LARGE, pathOf(request),
                    "At most " + max + " items per request; got " + body.size() + ". Split the batch.", "$");
        }
    }

    // ---------------------------------------------------------------- quantities

    private static final JsonShape QUANTITY = JsonShape.object()
            .required("sku", JsonShape.string(1, 50))
            .required("quantity", JsonShape.integer(0, Integer.MAX_VALUE))
            .optional("lastModified", JsonShape.string());

    @PostMapping("/v1/availability/quantities")
    ResponseEntity<String> quantities(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request, "quantities");
        limit("quantities", settings.integer("otto.quantities-per-second", 20), settings.integer("otto.quantities-per-second", 20));
        JsonNode body = json(request, bytes);
        requireArray(request, body, settings.integer("otto.quantities-max", 200));
        ObjectNode errorBody = SandboxJson.object();
        ArrayNode errors = errorBody.putArray("errors");
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            for (JsonShape.Violation v : QUANTITY.check(item)) {
                errors.addObject().put("path", "/v1/availability/quantities").put("title", "Invalid Attribute").put("code", "400")
                        .put("detail", v.message()).put("jsonPath", "[" + i + "]" + (v.path().isEmpty() ? "" : "." + v.path()));
            }
            String sku = item.path("sku").asString("");
            if (!sku.isEmpty() && offers.find(sku).isEmpty()) {
                errors.addObject().put("path", "/v1/availability/quantities").put("title", "Unknown SKU").put("code", "404")
                        .put("detail", "SKU " + sku + " is not known for this partner").put("jsonPath", "[" + i + "].sku");
            } else if (!sku.isEmpty() && faults.rejects(sku)) {
                errors.addObject().put("path", "/v1/availability/quantities").put("title", "Invalid Attribute").put("code", "400")
                        .put("detail", "SKU " + sku + " was rejected (sandbox fault)").put("jsonPath", "[" + i + "].sku");
            }
        }
        if (!errors.isEmpty()) {
            errorBody.putArray("warnings");
            return SandboxJson.respond(400, errorBody);
        }
        offers.change(() -> {
            for (JsonNode item : body) {
                SandboxOffer o = offers.find(item.get("sku").asString()).orElseThrow();
                o.quantity = item.get("quantity").intValue();
                o.touched();
            }
            return null;
        });
        stats.updateRequest();
        stats.itemsUpdated(body.size());
        return SandboxJson.respond(200, null);
    }

    @GetMapping("/v1/availability/quantities")
    ResponseEntity<String> readQuantities(HttpServletRequest request, @RequestParam(defaultValue = "200") int limit,
            @RequestParam(required = false) String cursor) {
        authorize(request, "quantities");
        if (limit < 1 || limit > 200) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/v1/availability/quantities", "limit must be 1..200", "limit");
        }
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all().stream().sorted((a, b) -> a.sku.compareTo(b.sku))
                    .filter(o -> cursor == null || o.sku.compareTo(cursor) > 0).toList();
            ObjectNode out = SandboxJson.object();
            ArrayNode variations = out.putObject("resources").putArray("variations");
            List<SandboxOffer> page = all.stream().limit(limit).toList();
            page.forEach(o -> variations.addObject().put("sku", o.sku).put("quantity", o.quantity).put("lastModified", o.lastUpdated.toString()));
            ArrayNode links = out.putArray("links");
            if (all.size() > limit) {
                links.addObject().put("rel", "next").put("href", "/v1/availability/quantities?limit=" + limit + "&cursor=" + page.get(page.size() - 1).sku);
            }
            return SandboxJson.respond(200, out);
        });
    }

    @GetMapping("/v1/availability/quantities/{sku}")
    ResponseEntity<String> readQuantity(HttpServletRequest request, @PathVariable String sku) {
        authorize(request, "quantities");
        return offers.change(() -> offers.find(sku).map(o -> SandboxJson.respond(200, SandboxJson.object().put("sku", o.sku)
                .put("quantity", o.quantity).put("lastModified", o.lastUpdated.toString())))
                .orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "/v1/availability/quantities/" + sku, "Unknown SKU " + sku)));
    }

    // ---------------------------------------------------------------- async tasks: prices and products

    private static final JsonShape MONEY = JsonShape.object()
            .required("amount", JsonShape.number(new BigDecimal("0.01"), false))
            .required("currency", JsonShape.oneOf("EUR"));

    private static final JsonShape PRICE = JsonShape.object()
            .required("sku", JsonShape.string(1, 50))
            .required("standardPrice", MONEY)
            .optional("sale", JsonShape.object().required("salePrice", MONEY).optional("startDate", JsonShape.string()).optional("endDate", JsonShape.string()))
            .optional("msrp", MONEY);

    /** Per-variation outcome of a task. */
    private record Outcome(String sku, String state, String title, String jsonPath) {
    }

    @PostMapping("/v5/products/prices")
    ResponseEntity<String> prices(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request, "products");
        limit("products.write", 20, 20);
        JsonNode body = json(request, bytes);
        requireArray(request, body, settings.integer("otto.prices-max", 500));
        return submitTask(body, items -> {
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String sku = item.path("sku").asString("");
                List<JsonShape.Violation> v = PRICE.check(item);
                if (!v.isEmpty()) {
                    out.add(new Outcome(sku, "failed", "Invalid price: " + v.get(0), "$[" + i + "]." + v.get(0).path()));
                    continue;
                }
                SandboxOffer o = offers.find(sku).orElse(null);
                if (o == null) {
                    out.add(new Outcome(sku, "failed", "Unknown SKU", "$[" + i + "].sku"));
                } else if (faults.rejects(sku)) {
                    out.add(new Outcome(sku, "failed", "Rejected (sandbox fault)", "$[" + i + "].sku"));
                } else {
                    BigDecimal amount = item.get("standardPrice").get("amount").decimalValue();
                    boolean same = o.price != null && o.price.compareTo(amount) == 0;
                    if (same) {
                        out.add(new Outcome(sku, "unchanged", null, null));
                    } else {
                        offers.change(() -> {
                            o.price = amount;
                            o.currency = "EUR";
                            o.touched();
                            return null;
                        });
                        stats.itemsUpdated(1);
                        out.add(new Outcome(sku, "succeeded", null, null));
                    }
                }
            }
            return out;
        });
    }

    private static final JsonShape VARIATION = JsonShape.object()
            .required("productReference", JsonShape.string(1, 50))
            .required("sku", JsonShape.string(1, 50))
            .optional("ean", JsonShape.string(8, 14))
            .optional("isbn", JsonShape.string()).optional("upc", JsonShape.string()).optional("pzn", JsonShape.string())
            .optional("mpn", JsonShape.string()).optional("moin", JsonShape.string()).optional("offeringStartDate", JsonShape.string())
            .optional("releaseDate", JsonShape.string()).optional("maxOrderQuantity", JsonShape.object().open())
            .required("productDescription", JsonShape.object()
                    .required("category", JsonShape.string(1, 200))
                    .required("brandId", JsonShape.string(1, 200))
                    .optional("productLine", JsonShape.string())
                    .optional("manufacturer", JsonShape.string())
                    .optional("productionDate", JsonShape.string())
                    .optional("multiPack", JsonShape.bool()).optional("bundle", JsonShape.bool()).optional("fscCertified", JsonShape.bool())
                    .optional("disposal", JsonShape.bool())
                    .optional("productUrl", JsonShape.string())
                    .optional("description", JsonShape.string(0, 20000))
                    .optional("bulletPoints", JsonShape.array(JsonShape.string(3, 180), 0, 10))
                    .optional("attributes", JsonShape.array(JsonShape.object().required("name", JsonShape.string())
                            .required("values", JsonShape.array(JsonShape.string())).optional("additional", JsonShape.bool()))))
            .required("mediaAssets", JsonShape.array(JsonShape.object().required("type", JsonShape.oneOf("IMAGE", "DIMENSIONAL_DRAWING",
                    "COLOR_VARIANT", "ENERGY_EFFICIENCY_LABEL", "MATERIAL_SAMPLE", "PRODUCT_DATASHEET", "USER_MANUAL",
                    "MANUFACTURER_WARRANTY", "SAFETY_DATASHEET", "ASSEMBLY_INSTRUCTIONS", "WARNING_LABEL"))
                    .required("location", JsonShape.string(1, 2083)).optional("filename", JsonShape.string()), 1, 100))
            .optional("delivery", JsonShape.object().open())
            .optional("pricing", JsonShape.object().required("standardPrice", MONEY).required("vat", JsonShape.oneOf("FULL", "REDUCED", "FREE"))
                    .optional("sale", JsonShape.object().open()).optional("msrp", MONEY).optional("normPriceInfo", JsonShape.object().open()))
            .optional("logistics", JsonShape.object().open())
            .optional("compliance", JsonShape.object().open())
            .optional("order", JsonShape.object().open());

    @PostMapping("/v5/products")
    ResponseEntity<String> products(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request, "products");
        limit("products.write", 20, 20);
        JsonNode body = json(request, bytes);
        requireArray(request, body, settings.integer("otto.products-max", 500));
        return submitTask(body, items -> {
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String sku = item.path("sku").asString("");
                List<JsonShape.Violation> v = VARIATION.check(item);
                String ean = item.path("ean").asString("");
                if (v.isEmpty() && ean.startsWith("2")) {
                    v = List.of(new JsonShape.Violation("ean", JsonShape.Violation.VALUE, "an EAN must not start with 2"));
                }
                if (v.isEmpty() && item.path("mediaAssets").valueStream().noneMatch(m -> "IMAGE".equals(m.path("type").asString()))) {
                    v = List.of(new JsonShape.Violation("mediaAssets", JsonShape.Violation.VALUE, "at least one IMAGE is required"));
                }
                if (!v.isEmpty()) {
                    out.add(new Outcome(sku, "failed", "Invalid product: " + v.get(0), "$[" + i + "]." + v.get(0).path()));
                    continue;
                }
                if (faults.rejects(sku)) {
                    out.add(new Outcome(sku, "failed", "Rejected (sandbox fault)", "$[" + i + "].sku"));
                    continue;
                }
                offers.change(() -> {
                    SandboxOffer o = offers.getOrCreate(sku, x -> x.currency = "EUR");
                    JsonNode d = item.get("productDescription");
                    o.description = d.path("description").asString(null);
                    o.title = d.path("productLine").asString(o.title);
                    o.images = item.get("mediaAssets").valueStream().filter(m -> "IMAGE".equals(m.get("type").asString()))
                            .map(m -> m.get("location").asString()).toList();
                    if (!ean.isEmpty()) {
                        o.ean = ean;
                    }
                    o.attributes.put("productVariation", SandboxJson.MAPPER.treeToValue(item, Object.class));
                    o.touched();
                    return null;
                });
                stats.itemsUpdated(1);
                out.add(new Outcome(sku, "succeeded", null, null));
            }
            return out;
        });
    }

    private ResponseEntity<String> submitTask(JsonNode items, java.util.function.Function<JsonNode, List<Outcome>> process) {
        String id = UUID.randomUUID().toString();
        AsyncJob job = new AsyncJob(id, items.size());
        tasks.put(id, job);
        stats.updateRequest();
        jobs.submit(job, j -> process.apply(items));
        ObjectNode body = progress(job);
        body.put("message", "Task " + id + " accepted");
        return SandboxJson.respond(202, body);
    }

    @SuppressWarnings("unchecked")
    private ObjectNode progress(AsyncJob job) {
        List<Outcome> outcomes = job.result == null ? List.of() : (List<Outcome>) job.result;
        int total = (Integer) job.input;
        boolean done = job.state == AsyncJob.State.DONE || job.state == AsyncJob.State.FAILED;
        ObjectNode n = SandboxJson.object().put("state", done ? "done" : "pending").put("progress", done ? total : 0).put("total", total)
                .put("succeeded", outcomes.stream().filter(o -> o.state().equals("succeeded")).count())
                .put("failed", job.state == AsyncJob.State.FAILED ? total : outcomes.stream().filter(o -> o.state().equals("failed")).count())
                .put("unchanged", outcomes.stream().filter(o -> o.state().equals("unchanged")).count());
        if (!done) {
            n.put("pingAfter", Instant.now().plus(jobs.delay()).toString());
        }
        String self = "/v5/products/update-tasks/" + job.id;
        ArrayNode links = n.putArray("links");
        links.addObject().put("rel", "self").put("href", self);
        links.addObject().put("rel", "failed").put("href", self + "/failed");
        links.addObject().put("rel", "succeeded").put("href", self + "/succeeded");
        links.addObject().put("rel", "unchanged").put("href", self + "/unchanged");
        return n;
    }

    private AsyncJob task(String id) {
        AsyncJob job = tasks.get(id);
        if (job == null) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "/v5/products/update-tasks/" + id, "Unknown process " + id);
        }
        return job;
    }

    @GetMapping("/v5/products/update-tasks/{id}")
    ResponseEntity<String> taskStatus(HttpServletRequest request, @PathVariable String id) {
        authorize(request, "products");
        return SandboxJson.respond(200, progress(task(id)));
    }

    @GetMapping("/v5/products/update-tasks/{id}/{which}")
    @SuppressWarnings("unchecked")
    ResponseEntity<String> taskResults(HttpServletRequest request, @PathVariable String id, @PathVariable String which) {
        authorize(request, "products");
        if (!Set.of("failed", "succeeded", "unchanged").contains(which)) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "/v5/products/update-tasks/" + id + "/" + which, "Unknown resource");
        }
        AsyncJob job = task(id);
        List<Outcome> outcomes = job.result == null ? List.of() : (List<Outcome>) job.result;
        ObjectNode out = SandboxJson.object();
        ArrayNode results = out.putArray("results");
        outcomes.stream().filter(o -> o.state().equals(which)).forEach(o -> {
            ObjectNode r = results.addObject().put("variation", o.sku());
            ArrayNode errors = r.putArray("errors");
            if (o.title() != null) {
                errors.addObject().put("code", "INVALID").put("title", o.title()).put("path", "/v5/products").put("jsonPath", o.jsonPath())
                        .put("logref", UUID.randomUUID().toString().substring(0, 8));
            }
        });
        return SandboxJson.respond(200, out);
    }

    @GetMapping("/v5/products")
    ResponseEntity<String> listProducts(HttpServletRequest request, @RequestParam(required = false) String sku,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int limit) {
        authorize(request, "products");
        if (limit < 1 || limit > 100 || page < 0) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/v5/products", "limit must be 1..100, page >= 0", "limit");
        }
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all().stream().filter(o -> sku == null || o.sku.equals(sku)).toList();
            ObjectNode out = SandboxJson.object();
            ArrayNode list = out.putArray("productVariations");
            all.stream().skip((long) page * limit).limit(limit).forEach(o -> {
                ObjectNode v = list.addObject().put("productReference", o.sku).put("sku", o.sku).put("ean", o.ean)
                        .put("moin", "M" + Integer.toString(Math.abs(o.sku.hashCode()), 10));
                ObjectNode d = v.putObject("productDescription").put("category", "Sandbox").put("brandId", "SANDBOX")
                        .put("description", o.description);
                d.putArray("attributes");
                if (o.price != null) {
                    v.putObject("pricing").put("vat", "FULL").putObject("standardPrice").put("amount", o.price).put("currency", "EUR");
                }
            });
            ArrayNode links = out.putArray("links");
            if ((long) (page + 1) * limit < all.size()) {
                links.addObject().put("rel", "next").put("href", "/v5/products?page=" + (page + 1) + "&limit=" + limit);
            }
            return SandboxJson.respond(200, out);
        });
    }

    // ---------------------------------------------------------------- orders

    @GetMapping("/v4/orders")
    ResponseEntity<String> orders(HttpServletRequest request, @RequestParam(required = false) String fromDate,
            @RequestParam(defaultValue = "128") int limit, @RequestParam(required = false) String nextcursor,
            @RequestParam(required = false) List<String> fulfillmentStatus) {
        authorize(request, "orders");
        if (limit < 1 || limit > 256) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/v4/orders", "limit must be 1..256", "limit");
        }
        Instant from;
        int start = 0;
        try {
            if (nextcursor != null) {
                String[] parts = new String(Base64.getUrlDecoder().decode(nextcursor), StandardCharsets.UTF_8).split("\\|");
                from = Instant.parse(parts[0]);
                start = Integer.parseInt(parts[1]);
            } else {
                from = fromDate == null ? Instant.EPOCH : OffsetDateTime.parse(fromDate).toInstant();
            }
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "/v4/orders", "fromDate must be ISO-8601 (or the cursor is invalid)", "fromDate");
        }
        Instant f = from;
        List<SandboxOrder> selected = orders.updatedBetween(f, null).stream()
                .filter(o -> fulfillmentStatus == null || fulfillmentStatus.contains(state(o))).toList();
        ObjectNode out = SandboxJson.object();
        ArrayNode resources = out.putArray("resources");
        selected.stream().skip(start).limit(limit).forEach(o -> resources.add(order(o)));
        ArrayNode links = out.putArray("links");
        if (start + limit < selected.size()) {
            links.addObject().put("rel", "next").put("href", "/v4/orders?nextcursor=" + Base64.getUrlEncoder()
                    .encodeToString((f + "|" + (start + limit)).getBytes(StandardCharsets.UTF_8)));
        }
        return SandboxJson.respond(200, out);
    }

    @GetMapping("/v4/orders/{id}")
    ResponseEntity<String> order(HttpServletRequest request, @PathVariable String id) {
        authorize(request, "orders");
        SandboxOrder o = orders.find(id).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "/v4/orders/" + id, "Unknown order"));
        return SandboxJson.respond(200, order(o));
    }

    private static String state(SandboxOrder o) {
        return o.status == SandboxOrder.Status.CANCELLED ? "CANCELLED_BY_MARKETPLACE" : "PROCESSABLE";
    }

    private ObjectNode order(SandboxOrder o) {
        ObjectNode n = SandboxJson.object().put("salesOrderId", o.orderId).put("orderNumber", o.orderId.substring(0, 10).replace("-", ""))
                .put("orderDate", o.created.toString()).put("lastModifiedDate", o.updated.toString());
        n.putObject("orderLifecycleInformation").put("lifecycleChangeDate", o.updated.toString());
        ArrayNode items = n.putArray("positionItems");
        int k = 1;
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            for (int i = 0; i < l.quantity(); i++) {
                ObjectNode item = items.addObject().put("positionItemId", o.orderId.substring(0, 8) + "-" + String.format("%04d", k++))
                        .put("fulfillmentStatus", state(o));
                if (o.status == SandboxOrder.Status.CANCELLED) {
                    item.put("cancellationDate", o.updated.toString()).put("cancellationReason", "CANCELLED_ON_CUSTOMER_WISH");
                } else {
                    item.put("processableDate", o.created.toString());
                }
                item.putObject("itemValueGrossPrice").put("amount", offer == null || offer.price == null ? BigDecimal.ONE : offer.price).put("currency", "EUR");
                item.putObject("product").put("sku", l.sku()).put("ean", offer == null ? null : offer.ean)
                        .put("productTitle", offer == null ? l.sku() : offer.title).put("vatRate", 19.0);
            }
        }
        n.putArray("links").addObject().put("rel", "self").put("href", "/v4/orders/" + o.orderId);
        return n;
    }
}
