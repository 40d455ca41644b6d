package dev.omnisync.sandbox.mirakl;

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
import dev.omnisync.sandbox.Signatures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.ResponseEntity;
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
 * Mirakl's seller API as wire/mirakl.md describes it: the raw shop API key in {@code Authorization}, OF01 CSV
 * offer imports processed asynchronously (PARTIAL_UPDATE applies only non-empty cells, REPLACE deletes offers
 * absent from the file), line errors in OF02 counters and the OF03 report, OF01/OF02/OF03/OF04 and OR11 at most
 * once a minute (429 beyond).
 */
@RestController
@RequestMapping("/sandbox/mirakl")
@SandboxEnabled
public class MiraklSandbox extends SandboxMarketplace {

    static final long SHOP_ID = 2000;
    static final Set<String> COLUMNS = Set.of("sku", "product-id", "product-id-type", "description", "internal-description", "price",
            "price-additional-info", "quantity", "min-quantity-alert", "state", "available-start-date", "available-end-date",
            "discount-price", "discount-start-date", "discount-end-date", "discount-ranges", "allow-quote-requests",
            "leadtime-to-ship", "min-order-quantity", "max-order-quantity", "package-quantity", "update-delete", "price-ranges",
            "ecotax", "gift-wrap", "min-quantity-ordered", "logistic-class", "product-tax-code");

    private final AtomicLong importIds = new AtomicLong(2000);
    private final AtomicLong offerIds = new AtomicLong(9000);
    private final Map<String, AsyncJob> imports = new ConcurrentHashMap<>();
    /** Orders the seller accepted (OR21): SHIPPING instead of WAITING_ACCEPTANCE; refused ones: REFUSED. */
    private final Map<String, String> acceptedOrders = new ConcurrentHashMap<>();

    /** The outcome of an offer or product import. */
    private record ImportResult(String mode, int read, int success, int error, int inserted, int updated, int deleted,
            List<String> header, List<List<String>> errorLines, String failure) {
    }

    public MiraklSandbox(SandboxSettings settings, NotificationSender notifications) {
        super(settings, notifications);
    }

    @Override
    public String slug() {
        return "mirakl";
    }

    private String apiKey() {
        return settings.credential("mirakl", "api-key", "sandbox-mirakl-shop-key");
    }

    @Override
    public Map<String, String> credentials() {
        return map("apiKey", apiKey(), "shopId", String.valueOf(SHOP_ID), "currency", "EUR");
    }

    @Override
    protected void assignIds(SandboxOffer offer) {
        offer.ids.put("offer_id", String.valueOf(offerIds.incrementAndGet()));
        offer.ids.put("product_sku", "PRD-" + digits(5));
    }

    @Override
    protected String newOrderId() {
        return Long.toString(Math.abs(RANDOM.nextLong()), 36).toUpperCase().substring(0, 8) + "-A";
    }

    @Override
    protected void resetChannel() {
        imports.clear();
        acceptedOrders.clear();
    }

    // ---------------------------------------------------------------- errors and auth

    @Override
    public ResponseEntity<String> error(SandboxRefusal r) {
        return SandboxJson.respond(r.status, SandboxJson.object().put("status", r.status).put("message", r.getMessage()), r.headers);
    }

    @Override
    protected SandboxRefusal rateLimited(SandboxRateLimiter.Take take) {
        return new SandboxRefusal(429, SandboxRefusal.Kind.RATE_LIMIT, "429", "Too Many Requests: this API may be called at most once a minute")
                .header("Retry-After", String.valueOf(Math.max(1, take.millisUntilNextToken() / 1000)));
    }

    private void authorize(HttpServletRequest request, boolean json) {
        String key = request.getHeader("Authorization");
        if (key == null || !Signatures.same(apiKey(), key)) {
            throw new SandboxRefusal(401, SandboxRefusal.Kind.AUTH, "401", key != null && key.startsWith("Bearer ")
                    ? "Unauthorized: send the raw shop API key in Authorization (no Bearer prefix)" : "Unauthorized");
        }
        String shop = request.getParameter("shop_id");
        if (shop != null && !shop.equals(String.valueOf(SHOP_ID))) {
            throw new SandboxRefusal(403, SandboxRefusal.Kind.FORBIDDEN, "403", "The API key has no access to shop " + shop);
        }
        String accept = request.getHeader("Accept");
        if (json && (accept == null || !(accept.contains("application/json") || accept.contains("*/*")))) {
            throw new SandboxRefusal(406, SandboxRefusal.Kind.VALIDATION, "406", "Not Acceptable: send Accept: application/json");
        }
    }

    @GetMapping("/api/account")
    ResponseEntity<String> account(HttpServletRequest request) {
        authorize(request, true);
        return SandboxJson.respond(200, SandboxJson.object().put("shop_id", SHOP_ID).put("shop_name", "Sandbox Shop")
                .put("currency_iso_code", "EUR").put("shop_state", "OPEN"));
    }

    // ---------------------------------------------------------------- OF01 / OF02 / OF03 / OF04

    private static String text(Part part) throws java.io.IOException {
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @PostMapping("/api/offers/imports")
    ResponseEntity<String> importOffers(HttpServletRequest request) throws Exception {
        authorize(request, true);
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("multipart/form-data")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, "415", "OF01 takes multipart/form-data with a 'file' part");
        }
        Part file = request.getPart("file");
        if (file == null) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "The 'file' part is required");
        }
        Part modePart = request.getPart("import_mode");
        String mode = modePart == null ? "NORMAL" : text(modePart);
        if (!Set.of("NORMAL", "PARTIAL_UPDATE", "REPLACE").contains(mode)) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "import_mode must be NORMAL, PARTIAL_UPDATE or REPLACE");
        }
        for (Part p : request.getParts()) {
            if (!Set.of("file", "import_mode", "with_products", "operator_format").contains(p.getName())) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "Unknown parameter '" + p.getName() + "'");
            }
        }
        limit("OF01", settings.integer("mirakl.imports-per-minute", 1) / 60.0, settings.integer("mirakl.imports-per-minute", 1));
        String csv = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String id = String.valueOf(importIds.incrementAndGet());
        AsyncJob job = new AsyncJob(id, mode);
        imports.put(id, job);
        stats.updateRequest();
        jobs.submit(job, j -> processOffers(mode, csv));
        return SandboxJson.respond(201, SandboxJson.object().put("import_id", Long.parseLong(id)));
    }

    private ImportResult processOffers(String mode, String csv) {
        List<List<String>> rows;
        try {
            rows = SemicolonCsv.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        } catch (IllegalArgumentException e) {
            return failed(mode, "The file is not a valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return failed(mode, "The file is empty");
        }
        List<String> header = rows.get(0);
        if (!header.contains("sku")) {
            return failed(mode, "The file has no 'sku' column");
        }
        for (String column : header) {
            if (!COLUMNS.contains(column) && !column.matches("(price|discount-price)\\[channel=[^\\]]+\\]")) {
                return failed(mode, "The column '" + column + "' is unknown");
            }
        }
        int success = 0, error = 0, inserted = 0, updated = 0, deleted = 0;
        List<List<String>> errorLines = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < row.size() ? row.get(c) : "");
            }
            String sku = cells.getOrDefault("sku", "");
            inFile.add(sku);
            String problem = lineProblem(mode, cells);
            if (problem == null && faults.rejects(sku)) {
                problem = "The offer was rejected (sandbox fault)";
            }
            if (problem != null) {
                error++;
                List<String> line = new ArrayList<>(row);
                while (line.size() < header.size()) {
                    line.add("");
                }
                line.add(problem);
                errorLines.add(line);
                continue;
            }
            success++;
            if ("delete".equals(cells.getOrDefault("update-delete", ""))) {
                offers.remove(sku);
                deleted++;
                continue;
            }
            boolean exists = offers.find(sku).isPresent();
            offers.change(() -> {
                SandboxOffer o = offers.getOrCreate(sku, x -> {
                    assignIds(x);
                    x.currency = "EUR";
                });
                boolean partial = mode.equals("PARTIAL_UPDATE");
                String price = cells.getOrDefault("price", "");
                String quantity = cells.getOrDefault("quantity", "");
                if (!price.isEmpty()) {
                    o.price = new BigDecimal(price);
                }
                if (!quantity.isEmpty()) {
                    o.quantity = Integer.parseInt(quantity);
                } else if (!partial) {
                    o.quantity = 0;
                }
                String description = cells.getOrDefault("description", "");
                if (!description.isEmpty() || (!partial && cells.containsKey("description"))) {
                    o.description = description.isEmpty() ? null : description;
                }
                if (!cells.getOrDefault("product-id", "").isEmpty() && "EAN".equals(cells.get("product-id-type"))) {
                    o.ean = cells.get("product-id");
                }
                o.touched();
                return null;
            });
            stats.itemsUpdated(1);
            if (exists) {
                updated++;
            } else {
                inserted++;
            }
        }
        if (mode.equals("REPLACE")) {
            for (SandboxOffer o : offers.all()) {
                if (!inFile.contains(o.sku)) {
                    offers.remove(o.sku);
                    deleted++;
                }
            }
        }
        return new ImportResult(mode, rows.size() - 1, success, error, inserted, updated, deleted, header, errorLines, null);
    }

    private String lineProblem(String mode, Map<String, String> cells) {
        String sku = cells.getOrDefault("sku", "");
        if (sku.isEmpty()) {
            return "The sku is required";
        }
        String action = cells.getOrDefault("update-delete", "");
        if (!Set.of("", "update", "delete").contains(action)) {
            return "update-delete must be 'update' or 'delete'";
        }
        boolean exists = offers.find(sku).isPresent();
        if (action.equals("delete")) {
            return exists ? null : "The offer does not exist";
        }
        String price = cells.getOrDefault("price", "");
        if (!price.isEmpty()) {
            try {
                if (new BigDecimal(price).signum() <= 0) {
                    return "The price must be greater than 0";
                }
            } catch (NumberFormatException e) {
                return "The price '" + price + "' is not a number";
            }
        }
        String quantity = cells.getOrDefault("quantity", "");
        if (!quantity.isEmpty() && !quantity.matches("\\d+")) {
            return "The quantity must be a positive integer";
        }
        if (mode.equals("PARTIAL_UPDATE")) {
            return exists ? null : "The offer does not exist: PARTIAL_UPDATE only updates existing offers";
        }
        if (price.isEmpty()) {
            return "The price is required";
        }
        if (!exists && (cells.getOrDefault("product-id", "").isEmpty() || cells.getOrDefault("product-id-type", "").isEmpty()
                || cells.getOrDefault("state", "").isEmpty())) {
            return "A new offer needs product-id, product-id-type and state";
        }
        return null;
    }

    private static ImportResult failed(String mode, String reason) {
        throw new IllegalStateException(reason);
    }

    @GetMapping("/api/offers/imports/{importId}")
    ResponseEntity<String> importStatus(HttpServletRequest request, @PathVariable String importId) {
        authorize(request, true);
        limit("OF02", settings.integer("mirakl.status-per-minute", 1) / 60.0, settings.integer("mirakl.status-per-minute", 1));
        AsyncJob job = importJob(importId);
        return SandboxJson.respond(200, importJson(job));
    }

    private AsyncJob importJob(String importId) {
        AsyncJob job = imports.get(importId);
        if (job == null || !(job.input instanceof String)) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "404", "Import " + importId + " not found");
        }
        return job;
    }

    private static ObjectNode importJson(AsyncJob job) {
        ImportResult r = job.result instanceof ImportResult ir ? ir : null;
        ObjectNode n = SandboxJson.object().put("import_id", Long.parseLong(job.id)).put("date_created", job.created.toString());
        n.put("status", switch (job.state) {
            case QUEUED -> "WAITING";
            case IN_PROGRESS -> "RUNNING";
            case DONE -> "COMPLETE";
            case FAILED -> "FAILED";
        });
        if (job.state == AsyncJob.State.FAILED) {
            n.put("reason_status", job.failure);
        } else {
            n.putNull("reason_status");
        }
        n.put("mode", "REPLACE".equals(job.input) ? "REPLACE" : "NORMAL");
        n.put("has_error_report", r != null && r.error() > 0);
        n.put("lines_read", r == null ? 0 : r.read()).put("lines_in_success", r == null ? 0 : r.success())
                .put("lines_in_error", r == null ? 0 : r.error()).put("lines_in_pending", r == null && job.state != AsyncJob.State.FAILED ? 1 : 0)
                .put("offer_inserted", r == null ? 0 : r.inserted()).put("offer_updated", r == null ? 0 : r.updated())
                .put("offer_deleted", r == null ? 0 : r.deleted());
        return n;
    }

    @GetMapping("/api/offers/imports/{importId}/error_report")
    ResponseEntity<String> errorReport(HttpServletRequest request, @PathVariable String importId) {
        authorize(request, false);
        limit("OF03", settings.integer("mirakl.status-per-minute", 1) / 60.0, settings.integer("mirakl.status-per-minute", 1));
        AsyncJob job = importJob(importId);
        if (!(job.result instanceof ImportResult r) || r.error() == 0) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "404", "No error report for import " + importId);
        }
        List<String> header = new ArrayList<>(r.header());
        header.add("error-message");
        StringBuilder csv = new StringBuilder(SemicolonCsv.line(header));
        r.errorLines().forEach(l -> csv.append(SemicolonCsv.line(l)));
        return ResponseEntity.ok().header("Content-Type", "text/csv;charset=UTF-8").body(csv.toString());
    }

    @GetMapping("/api/offers/imports")
    ResponseEntity<String> listImports(HttpServletRequest request) {
        authorize(request, true);
        limit("OF04", settings.integer("mirakl.status-per-minute", 1) / 60.0, settings.integer("mirakl.status-per-minute", 1));
        ObjectNode out = SandboxJson.object();
        ArrayNode data = out.putArray("data");
        imports.values().stream().filter(j -> j.input instanceof String).sorted((a, b) -> b.created.compareTo(a.created))
                .forEach(j -> data.add(importJson(j)));
        out.put("total_count", data.size());
        return SandboxJson.respond(200, out);
    }

    // ---------------------------------------------------------------- OF21 / OF24

    @GetMapping("/api/offers")
    ResponseEntity<String> listOffers(HttpServletRequest request, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "10") int max, @RequestParam(required = false) String sku) {
        authorize(request, true);
        if (max < 1 || max > 100 || offset < 0) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "max must be 1..100 and offset >= 0");
        }
        return offers.change(() -> {
            List<SandboxOffer> all = offers.all().stream().filter(o -> sku == null || o.sku.equals(sku)).toList();
            ObjectNode out = SandboxJson.object().put("total_count", all.size());
            ArrayNode list = out.putArray("offers");
            all.stream().skip(offset).limit(max).forEach(o -> {
                ObjectNode n = list.addObject().put("offer_id", Long.parseLong(o.ids.get("offer_id"))).put("shop_sku", o.sku)
                        .put("product_sku", o.ids.get("product_sku")).put("product_title", o.title);
                ArrayNode refs = n.putArray("product_references");
                if (o.ean != null) {
                    refs.addObject().put("reference_type", "EAN").put("reference", o.ean);
                }
                n.put("category_code", String.valueOf(o.attributes.getOrDefault("category", "")));
                n.put("price", o.price).put("total_price", o.price).put("quantity", o.quantity).put("state_code", "11")
                        .put("active", true).put("currency_iso_code", "EUR").putNull("discount");
                n.putArray("offer_additional_fields");
                n.putObject("applicable_pricing").put("price", o.price).put("unit_origin_price", o.price).putArray("volume_prices");
            });
            return SandboxJson.respond(200, out);
        });
    }

    private static final JsonShape OF24 = JsonShape.object().required("offers", JsonShape.array(JsonShape.object()
            .required("shop_sku", JsonShape.string(1, 100))
            .optional("product_id", JsonShape.string()).optional("product_id_type", JsonShape.string())
            .optional("price", JsonShape.number(BigDecimal.ZERO, true))
            .optional("quantity", JsonShape.integer(0, Integer.MAX_VALUE))
            .optional("state_code", JsonShape.string())
            .required("update_delete", JsonShape.oneOf("update", "delete"))
            .optional("description", JsonShape.string())
            .optional("leadtime_to_ship", JsonShape.integer(0, 365))
            .optional("offer_additional_fields", JsonShape.array(JsonShape.object().open())), 1, 10000));

    /** OF24: every offer is sent whole; fields not sent are reset (quantity 0, description cleared). */
    @PostMapping("/api/offers")
    ResponseEntity<String> updateOffers(HttpServletRequest request, @RequestBody(required = false) byte[] bytes) {
        authorize(request, true);
        JsonNode body;
        try {
            body = SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "The body is not valid JSON");
        }
        requireShape(body, OF24, "400");
        String id = String.valueOf(importIds.incrementAndGet());
        AsyncJob job = new AsyncJob(id, "NORMAL");
        imports.put(id, job);
        stats.updateRequest();
        jobs.submit(job, j -> {
            int ok = 0, bad = 0, ins = 0, upd = 0, del = 0;
            List<List<String>> errors = new ArrayList<>();
            for (JsonNode o : body.get("offers")) {
                String sku = o.get("shop_sku").asString();
                boolean exists = offers.find(sku).isPresent();
                if (o.get("update_delete").asString().equals("delete")) {
                    if (exists) {
                        offers.remove(sku);
                        ok++;
                        del++;
                    } else {
                        bad++;
                        errors.add(List.of(sku, "The offer does not exist"));
                    }
                    continue;
                }
                if (!o.has("price") || faults.rejects(sku) || (!exists && !o.has("product_id"))) {
                    bad++;
                    errors.add(List.of(sku, !o.has("price") ? "The price is required" : !exists && !o.has("product_id")
                            ? "A new offer needs product_id and product_id_type" : "The offer was rejected (sandbox fault)"));
                    continue;
                }
                offers.change(() -> {
                    SandboxOffer x = offers.getOrCreate(sku, y -> {
                        assignIds(y);
                        y.currency = "EUR";
                    });
                    x.price = o.get("price").decimalValue();
                    x.quantity = o.path("quantity").asInt(0);
                    x.description = o.path("description").asString(null);
                    x.touched();
                    return null;
                });
                stats.itemsUpdated(1);
                ok++;
                if (exists) {
                    upd++;
                } else {
                    ins++;
                }
            }
            return new ImportResult("NORMAL", body.get("offers").size(), ok, bad, ins, upd, del, List.of("shop_sku"), errors, null);
        });
        return SandboxJson.respond(201, SandboxJson.object().put("import_id", Long.parseLong(id)));
    }

    // ---------------------------------------------------------------- P41 / P42 (content)

    @PostMapping("/api/products/imports")
    ResponseEntity<String> importProducts(HttpServletRequest request) throws Exception {
        authorize(request, true);
        String ct = request.getContentType();
        if (ct == null || !ct.toLowerCase().startsWith("multipart/form-data")) {
            throw new SandboxRefusal(415, SandboxRefusal.Kind.VALIDATION, "415", "P41 takes multipart/form-data with a 'file' part");
        }
        Part file = request.getPart("file");
        if (file == null) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "The 'file' part is required");
        }
        String csv = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String id = String.valueOf(importIds.incrementAndGet());
        AsyncJob job = new AsyncJob(id, Boolean.TRUE);
        imports.put(id, job);
        stats.updateRequest();
        jobs.submit(job, j -> processProducts(csv));
        return SandboxJson.respond(201, SandboxJson.object().put("import_id", Long.parseLong(id)));
    }

    private ImportResult processProducts(String csv) {
        List<List<String>> rows = SemicolonCsv.parse(csv);
        if (rows.isEmpty() || !(rows.get(0).contains("shop_sku") || rows.get(0).contains("sku"))) {
            throw new IllegalStateException("The file needs a header row with a shop_sku column");
        }
        List<String> header = rows.get(0);
        int ok = 0, bad = 0;
        List<List<String>> errors = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < row.size() ? row.get(c) : "");
            }
            String sku = cells.getOrDefault("shop_sku", cells.getOrDefault("sku", ""));
            SandboxOffer o = offers.find(sku).orElse(null);
            if (o == null || cells.getOrDefault("category", "").isEmpty() || faults.rejects(sku)) {
                bad++;
                List<String> line = new ArrayList<>(row);
                line.add(o == null ? "Unknown shop_sku" : cells.getOrDefault("category", "").isEmpty() ? "category is required" : "Rejected (sandbox fault)");
                errors.add(line);
                continue;
            }
            offers.change(() -> {
                o.attributes.put("category", cells.get("category"));
                if (cells.containsKey("title")) {
                    o.title = cells.get("title");
                }
                if (cells.containsKey("description")) {
                    o.description = cells.get("description");
                }
                List<String> images = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    String img = cells.getOrDefault("image_" + i, "");
                    if (!img.isEmpty()) {
                        images.add(img);
                    }
                }
                if (!images.isEmpty()) {
                    o.images = images;
                }
                cells.forEach((k, v) -> {
                    if (!Set.of("category", "title", "description", "shop_sku", "sku", "ean").contains(k) && !k.startsWith("image_")) {
                        o.attributes.put(k, v);
                    }
                });
                o.touched();
                return null;
            });
            stats.itemsUpdated(1);
            ok++;
        }
        return new ImportResult("PRODUCTS", rows.size() - 1, ok, bad, 0, ok, 0, header, errors, null);
    }

    @GetMapping("/api/products/imports/{importId}")
    ResponseEntity<String> productImportStatus(HttpServletRequest request, @PathVariable String importId) {
        authorize(request, true);
        AsyncJob job = imports.get(importId);
        if (job == null || !(job.input instanceof Boolean)) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "404", "Product import " + importId + " not found");
        }
        ImportResult r = job.result instanceof ImportResult ir ? ir : null;
        ObjectNode n = SandboxJson.object().put("import_id", Long.parseLong(job.id)).put("import_status", switch (job.state) {
            case QUEUED -> "WAITING";
            case IN_PROGRESS -> "RUNNING";
            case DONE -> "COMPLETE";
            case FAILED -> "FAILED";
        });
        n.put("reason_status", job.failure).put("shop_id", SHOP_ID).put("date_created", job.created.toString())
                .put("has_error_report", r != null && r.error() > 0).put("has_new_product_report", false)
                .put("has_transformation_error_report", false).put("has_transformed_file", false)
                .put("transform_lines_read", r == null ? 0 : r.read()).put("transform_lines_in_success", r == null ? 0 : r.success())
                .put("transform_lines_in_error", r == null ? 0 : r.error()).put("transform_lines_with_warning", 0);
        return SandboxJson.respond(200, n);
    }

    /** P44: the failing lines of a product import in the uploaded format plus an {@code error-message} column; 404 without errors. */
    @GetMapping("/api/products/imports/{importId}/error_report")
    ResponseEntity<String> productErrorReport(HttpServletRequest request, @PathVariable String importId) {
        authorize(request, false);
        AsyncJob job = imports.get(importId);
        if (job == null || !(job.input instanceof Boolean) || !(job.result instanceof ImportResult r) || r.error() == 0) {
            throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "404", "No error report for product import " + importId);
        }
        List<String> header = new ArrayList<>(r.header());
        header.add("error-message");
        StringBuilder csv = new StringBuilder(SemicolonCsv.line(header));
        r.errorLines().forEach(l -> csv.append(SemicolonCsv.line(l)));
        return ResponseEntity.ok().header("Content-Type", "text/csv;charset=UTF-8").body(csv.toString());
    }

    // ---------------------------------------------------------------- OR11

    @GetMapping("/api/orders")
    ResponseEntity<String> orders(HttpServletRequest request, @RequestParam(name = "start_update_date", required = false) String startUpdate,
            @RequestParam(name = "end_update_date", required = false) String endUpdate,
            @RequestParam(name = "order_state_codes", required = false) String states,
            @RequestParam(name = "order_ids", required = false) String orderIds,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "10") int max) {
        authorize(request, true);
        limit("OR11", settings.integer("mirakl.orders-per-minute", 1) / 60.0, settings.integer("mirakl.orders-per-minute", 1));
        if (max < 1 || max > 100 || offset < 0) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "max must be 1..100 and offset >= 0");
        }
        Instant from;
        Instant to;
        try {
            from = startUpdate == null ? null : Instant.parse(startUpdate);
            to = endUpdate == null ? null : Instant.parse(endUpdate);
        } catch (DateTimeParseException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "Dates must be ISO-8601 UTC, e.g. 2023-11-14T11:00:00Z");
        }
        Set<String> wantedStates = states == null ? null : Set.of(states.split(","));
        Set<String> wantedIds = orderIds == null ? null : Set.of(orderIds.split(","));
        List<SandboxOrder> selected = orders.updatedBetween(from, to).stream()
                .filter(o -> wantedStates == null || wantedStates.contains(state(o)))
                .filter(o -> wantedIds == null || wantedIds.contains(o.orderId))
                .sorted((a, b) -> a.created.compareTo(b.created)).toList();
        ObjectNode out = SandboxJson.object().put("total_count", selected.size());
        ArrayNode list = out.putArray("orders");
        selected.stream().skip(offset).limit(max).forEach(o -> list.add(order(o)));
        return SandboxJson.respond(200, out);
    }

    private String state(SandboxOrder o) {
        return o.status == SandboxOrder.Status.CANCELLED ? "CANCELED" : acceptedOrders.getOrDefault(o.orderId, "WAITING_ACCEPTANCE");
    }

    /** OR21: accept or refuse the lines of an order waiting for acceptance (all lines the same way). */
    @org.springframework.web.bind.annotation.PutMapping("/api/orders/{orderId}/accept")
    ResponseEntity<String> accept(HttpServletRequest request, @PathVariable String orderId, @RequestBody(required = false) byte[] bytes) {
        authorize(request, true);
        JsonNode body;
        try {
            body = SandboxJson.parse(bytes);
        } catch (RuntimeException e) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "The body is not valid JSON");
        }
        requireShape(body, JsonShape.object().required("order_lines", JsonShape.array(JsonShape.object()
                .required("id", JsonShape.string(1, 200)).required("accepted", JsonShape.bool()), 1, 1000)), "400");
        SandboxOrder o = orders.find(orderId).orElseThrow(() -> new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "404", "Order " + orderId + " not found"));
        if (!"WAITING_ACCEPTANCE".equals(state(o))) {
            throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "Order " + orderId + " is not waiting for acceptance (" + state(o) + ")");
        }
        Set<String> lineIds = new HashSet<>();
        for (int i = 1; i <= o.lines.size(); i++) {
            lineIds.add(o.orderId + "-" + i);
        }
        boolean allAccepted = true;
        for (JsonNode line : body.get("order_lines")) {
            if (!lineIds.contains(line.get("id").asString())) {
                throw new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "400", "Unknown order line " + line.get("id").asString());
            }
            allAccepted &= line.get("accepted").asBoolean();
        }
        acceptedOrders.put(orderId, allAccepted ? "SHIPPING" : "REFUSED");
        o.updated = Instant.now();
        return SandboxJson.respond(204, null);
    }

    private ObjectNode order(SandboxOrder o) {
        ObjectNode n = SandboxJson.object().put("order_id", o.orderId).put("commercial_id", o.orderId.replace("-A", ""))
                .put("shop_id", SHOP_ID).put("order_state", state(o)).put("created_date", o.created.toString())
                .put("last_updated_date", o.updated.toString()).put("currency_iso_code", "EUR");
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode lines = SandboxJson.array();
        int index = 1;
        for (SandboxOrder.Line l : o.lines) {
            SandboxOffer offer = offers.find(l.sku()).orElse(null);
            BigDecimal unit = offer == null || offer.price == null ? BigDecimal.ONE : offer.price;
            BigDecimal price = unit.multiply(BigDecimal.valueOf(l.quantity()));
            total = total.add(price);
            ObjectNode line = lines.addObject().put("order_line_id", o.orderId + "-" + index).put("order_line_index", index++)
                    .put("offer_id", offer == null ? 0 : Long.parseLong(offer.ids.get("offer_id"))).put("offer_sku", l.sku())
                    .put("product_sku", offer == null ? null : offer.ids.get("product_sku")).put("product_title", offer == null ? l.sku() : offer.title)
                    .put("quantity", l.quantity()).put("price_unit", unit).put("price", price).put("shipping_price", 0)
                    .put("order_line_state", state(o)).put("created_date", o.created.toString());
            line.putArray("cancelations");
        }
        n.put("total_price", total);
        n.set("order_lines", lines);
        return n;
    }
}
