package dev.omnisync.sync.web;

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

    ExplainController(Explain explain) {
        this.explain = explain;
    }

    /** Per field: was it sent, queued, skipped or failed, and why. */
    @GetMapping("/explain")
    ExplanationView explain(WorkspaceId workspace, @PathVariable long id) {
        return explain.explain(workspace.value(), id).map(ExplanationView::of)
                .orElseThrow(() -> ApiProblems.notFound("No listing " + id + " in this workspace."));
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
            List<FieldView> fields) {

        static ExplanationView of(Explain.ListingExplanation e) {
            return new ExplanationView(Long.toString(e.listingId()), e.sku(), e.channel(), e.status(), e.lastError(),
                    e.fields().stream().map(FieldView::of).toList());
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
