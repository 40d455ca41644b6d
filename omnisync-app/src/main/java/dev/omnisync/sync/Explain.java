package dev.omnisync.sync;

import dev.omnisync.channel.FieldKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Answers "why was (or wasn't) field F sent?" for every field of a listing: the gates in order, the Selling
 * Policy's arithmetic, the value online, what is queued now and the last attempt with the channel's answer.
 */
@Service
public class Explain {

    private final ListingSnapshots listings;
    private final Planner planner;
    private final Revisions revisions;
    private final SyncLog syncLog;

    Explain(ListingSnapshots listings, Planner planner, Revisions revisions, SyncLog syncLog) {
        this.listings = listings;
        this.planner = planner;
        this.revisions = revisions;
        this.syncLog = syncLog;
    }

    /** Decision per field, as the API names them. */
    public enum Decision { SENT, QUEUED, SKIPPED, FAILED, UP_TO_DATE }

    /** One field's explanation. */
    public record FieldExplanation(FieldKey field, Decision decision, List<String> reasons, String desired, String online,
            String arithmetic, SyncLogEntry lastAttempt) {
    }

    public record ListingExplanation(long listingId, String sku, String channel, String status, String lastError,
            List<FieldExplanation> fields) {
    }

    public Optional<ListingExplanation> explain(long workspaceId, long listingId) {
        List<ListingSnapshot> found = listings.byIds(workspaceId, List.of(listingId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ListingSnapshot listing = found.get(0);
        ListingPlan plan = planner.preview(workspaceId, found).get(0);
        Optional<Revision> revision = revisions.find(workspaceId, listingId);
        boolean parked = revision.isPresent() && revisions.parked(workspaceId, listingId);
        List<SyncLogEntry> history = syncLog.recent(new dev.omnisync.workspace.WorkspaceId(workspaceId),
                new SyncLog.Query(listingId, null, null, 200));
        List<FieldExplanation> fields = new ArrayList<>();
        for (FieldPlan f : plan.fields()) {
            SyncLogEntry last = history.stream()
                    .filter(e -> e.fields().contains(f.field()) && e.decision() != SyncDecision.QUEUED && e.decision() != SyncDecision.SKIPPED)
                    .findFirst().orElse(null);
            List<String> reasons = new ArrayList<>(f.reasons());
            Decision decision;
            switch (f.verdict()) {
                case SKIP -> decision = Decision.SKIPPED;
                case UP_TO_DATE -> decision = Decision.UP_TO_DATE;
                default -> {
                    if (listing.quarantined()) {
                        decision = Decision.FAILED;
                        reasons.add("quarantined: " + listing.lastError());
                    } else if (parked && revision.get().fields().contains(f.field())) {
                        decision = Decision.SENT;
                        reasons.add("sent in an asynchronous submission; waiting for the channel's result");
                    } else if (revision.isPresent()) {
                        decision = Decision.QUEUED;
                        reasons.add("queued with priority " + revision.get().priority() + ", due " + revision.get().dueAt()
                                + (revision.get().attempts() > 0 ? " after " + revision.get().attempts() + " attempt(s)" : ""));
                    } else {
                        decision = Decision.QUEUED;
                        reasons.add("will be queued by the planner's next round");
                    }
                }
            }
            fields.add(new FieldExplanation(f.field(), decision, reasons, f.desired() == null ? null : f.desired().shown(),
                    f.online(), f.desired() == null ? null : f.desired().arithmetic(), last));
        }
        return Optional.of(new ListingExplanation(listingId, listing.sku(), listing.channel().name(), listing.status(),
                listing.lastError(), fields));
    }

    /** A person asks for another try of a quarantined listing: lift the quarantine and plan it again. */
    public boolean retry(long workspaceId, long listingId) {
        if (listings.byIds(workspaceId, List.of(listingId)).isEmpty()) {
            return false;
        }
        listings.release(workspaceId, List.of(listingId));
        planner.requestReplan(workspaceId, List.of(listingId));
        return true;
    }
}
