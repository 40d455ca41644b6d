package dev.omnisync.sync.web;

import dev.omnisync.catalog.StockLedger;
import dev.omnisync.platform.web.ApiProblems;
import dev.omnisync.sync.Explain;
import dev.omnisync.sync.SyncLogEntry;
import dev.omnisync.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/listings/{id}")
class ExplainController {

    private final Explain explain;
    private final StockLedger ledger;

    ExplainController(Explain explain, StockLedger ledger) {
        this.explain = explain;
        this.ledger = ledger;
    }

    /** Per field: was it sent, queued, skipped or failed, and why; and the product's stock ledger behind the quantity. */
    @GetMapping("/explain")
    ExplanationView explain(WorkspaceId workspace, @PathVariable long id) {
        Explain.ListingExplanation e = explain.explain(workspace.value(), id)
                .orElseThrow(() -> ApiProblems.notFound("No listing " + id + " in this workspace."));
        StockLedger.Stock stock = ledger.stock(workspace, List.of(e.sku())).get(e.sku());
        StockView stockView = stock == null ? null : new StockView(stock.onHand(), stock.reserved(),
                ledger.reservations(workspace, List.of(e.sku())).getOrDefault(e.sku(), List.of()), stock.available(),
                "on hand " + stock.onHand() + " − reserved " + stock.reserved() + " = available " + stock.available());
        return ExplanationView.of(e, stockView);
    }

    /** The store's stock behind the listing's quantity: which order lines hold units back. */
    record StockView(int onHand, int reserved, List<StockLedger.Reservation> reservedBy, int available, String ledger) {
    }

    /** Lifts a quarantine and plans the listing again. */
    @PostMapping("/retry")
    @Transactional
    ResponseEntity<Map<String, String>> retry(WorkspaceId workspace, @PathVariable long id) {
        if (!explain.retry(workspace.value(), id)) {
            throw ApiProblems.notFound("No listing " + id + " in this workspace.");
        }
        return ResponseEntity.accepted().body(Map.of("listingId", Long.toString(id), "status", "re-planning"));
    }

    record ExplanationView(String listingId, String sku, String channel, String status, String lastError,
            List<FieldView> fields, StockView stock) {

        static ExplanationView of(Explain.ListingExplanation e, StockView stock) {
            return new ExplanationView(Long.toString(e.listingId()), e.sku(), e.channel(), e.status(), e.lastError(),
                    e.fields().stream().map(FieldView::of).toList(), stock);
        }
    }

    record FieldView(String field, String decision, List<String> reasons, String desired, String online, String arithmetic,
            AttemptView lastAttempt) {

        static FieldView of(Explain.FieldExplanation f) {
            return new FieldView(f.field().name(), f.decision().name(), f.reasons(), f.desired(), f.online(), f.arithmetic(),
                    f.lastAttempt() == null ? null : AttemptView.of(f.lastAttempt()));
        }
    }

    record AttemptView(Instant at, String decision, String channelResponse, Long latencyMs) {

        static AttemptView of(SyncLogEntry e) {
            return new AttemptView(e.at(), e.decision().name(), e.channelResponse(), e.latencyMillis());
        }
    }
}
