package dev.omnisync.catalog.web;

import dev.omnisync.catalog.ImportReport;
import dev.omnisync.catalog.ImportResult;
import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.ProductImport;
import dev.omnisync.catalog.ProductInput;
import dev.omnisync.catalog.ProductWrite;
import dev.omnisync.catalog.Products;
import dev.omnisync.catalog.StockLedger;
import dev.omnisync.catalog.WriteOutcome;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.workspace.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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

/**
 * The store's products: {@code PUT/PATCH/GET /api/products/{sku}}, the keyset-paged list and the bulk
 * import ({@code POST /api/products/import}, CSV or a JSON array).
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final Products products;
    private final ProductImport productImport;
    private final StockLedger ledger;

    ProductController(Products products, ProductImport productImport, StockLedger ledger) {
        this.products = products;
        this.productImport = productImport;
        this.ledger = ledger;
    }

    /** Creates (201) or replaces (200) a product; fields left out take their defaults. */
    @PutMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProductView> put(WorkspaceId workspace, @PathVariable String sku, @RequestBody JsonNode body) {
        WriteOutcome outcome = write(workspace, body, ProductWrite.Mode.REPLACE, sku);
        HttpStatus status = outcome instanceof WriteOutcome.Created ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(view(workspace, sku));
    }

    /** Changes only the fields present; {@code null} clears one. */
    @PatchMapping(path = "/{sku}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ProductView patch(WorkspaceId workspace, @PathVariable String sku, @RequestBody JsonNode body) {
        write(workspace, body, ProductWrite.Mode.UPDATE, sku);
        return view(workspace, sku);
    }

    @GetMapping("/{sku}")
    ProductView get(WorkspaceId workspace, @PathVariable String sku) {
        return view(workspace, sku);
    }

    /** Products in SKU order; {@code next} is the {@code after} of the following page (null on the last). */
    @GetMapping
    Map<String, Object> list(WorkspaceId workspace, @RequestParam(name = "sku", required = false) String prefix,
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblems.badRequest("'limit' is " + size + "; it must be between 1 and " + MAX_LIMIT + ".");
        }
        List<Product> page = products.page(workspace, prefix, after, size);
        List<String> skus = page.stream().map(Product::sku).toList();
        Map<String, List<String>> variants = products.variantsOf(workspace, skus);
        Map<String, List<StockLedger.Reservation>> reservations = ledger.reservations(workspace, skus);
        List<ProductView> items = page.stream().map(p -> ProductView.of(p, variants.get(p.sku()), reservations.get(p.sku()))).toList();
        String next = page.size() == size ? page.get(page.size() - 1).sku() : null;
        var answer = new java.util.LinkedHashMap<String, Object>();
        answer.put("items", items);
        answer.put("next", next);
        return answer;
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    ImportReport importCsv(WorkspaceId workspace, InputStream body) throws IOException {
        return answer(productImport.importCsv(workspace, body));
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportReport importJson(WorkspaceId workspace, InputStream body) throws IOException {
        return answer(productImport.importJson(workspace, body));
    }

    private static ImportReport answer(ImportResult result) {
        if (result instanceof ImportResult.Refused refused) {
            ErrorResponseException problem = ApiProblems.badRequest(refused.detail());
            problem.getBody().setProperty("report", refused.report());
            throw problem;
        }
        return ((ImportResult.Imported) result).report();
    }

    private WriteOutcome write(WorkspaceId workspace, JsonNode body, ProductWrite.Mode mode, String sku) {
        ProductInput.Parsed parsed = ProductInput.fromJson(body, mode, sku);
        if (parsed instanceof ProductInput.Unreadable unreadable) {
            throw invalid(unreadable.reasons());
        }
        WriteOutcome outcome = products.write(workspace, ((ProductInput.Readable) parsed).write());
        if (outcome instanceof WriteOutcome.Rejected rejected) {
            throw invalid(rejected.reasons());
        }
        if (outcome instanceof WriteOutcome.NotFound) {
            throw notFound(sku);
        }
        return outcome;
    }

    private ProductView view(WorkspaceId workspace, String sku) {
        Product product = products.find(workspace, sku).orElseThrow(() -> notFound(sku));
        return ProductView.of(product, products.variantsOf(workspace, List.of(sku)).get(sku),
                ledger.reservations(workspace, List.of(sku)).get(sku));
    }

    private static ErrorResponseException invalid(List<String> reasons) {
        ErrorResponseException problem = ApiProblems.badRequest(String.join(" ", reasons));
        problem.getBody().setProperty("errors", reasons);
        return problem;
    }

    private static ErrorResponseException notFound(String sku) {
        return ApiProblems.notFound("No product with SKU '" + sku + "' in this workspace. Create it with PUT /api/products/{sku}.");
    }
}
