package dev.omnisync.sync;

import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.PreviewValues;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Plans a sample of the affected listings twice — as they are, and under the edited or new policy — and
 * fills the preview with, per field, how many listings would be sent something and a few concrete
 * before → after values. Counts over a sample are scaled to all affected listings.
 */
@Component
class PolicyPreviewValues implements PreviewValues {

    private static final int SHOWN = 5;

    private final ListingSnapshots listings;
    private final Planner planner;

    PolicyPreviewValues(ListingSnapshots listings, Planner planner) {
        this.listings = listings;
        this.planner = planner;
    }

    @Override
    public PolicyPreview withValues(WorkspaceId workspace, PolicyPreview preview, List<Long> sampleListingIds, long affected,
            SynchronizationPolicy newSync, SellingPolicy newSelling) {
        List<ListingSnapshot> snapshots = listings.byIds(workspace.value(), sampleListingIds);
        if (snapshots.isEmpty()) {
            return preview;
        }
        Map<Long, ListingPlan> before = byListing(planner.preview(workspace.value(), snapshots));
        Map<Long, ListingPlan> after = byListing(planner.previewWith(workspace.value(), snapshots, newSync, newSelling));
        double scale = (double) affected / snapshots.size();
        List<PolicyPreview.FieldChange> changes = new ArrayList<>();
        for (PolicyPreview.FieldChange change : preview.changes()) {
            long sending = 0;
            List<PolicyPreview.Sample> samples = new ArrayList<>();
            for (ListingSnapshot l : snapshots) {
                FieldPlan was = before.get(l.listingId()).field(change.field());
                FieldPlan will = after.get(l.listingId()).field(change.field());
                if (will == null) {
                    continue;
                }
                if (will.verdict() == FieldPlan.Verdict.SEND) {
                    sending++;
                }
                String beforeShown = shown(was);
                String afterShown = shown(will);
                if (samples.size() < SHOWN && !beforeShown.equals(afterShown)) {
                    samples.add(new PolicyPreview.Sample(Long.toString(l.listingId()), l.sku(), beforeShown, afterShown));
                }
            }
            changes.add(new PolicyPreview.FieldChange(change.field(), change.effect(), change.listings(),
                    Math.round(sending * scale), change.settings(), samples));
        }
        return new PolicyPreview(preview.affectedListings(), changes);
    }

    private static String shown(FieldPlan plan) {
        if (plan == null || plan.verdict() == FieldPlan.Verdict.SKIP || plan.desired() == null) {
            return "not synced";
        }
        return plan.desired().shown();
    }

    private static Map<Long, ListingPlan> byListing(List<ListingPlan> plans) {
        return plans.stream().collect(Collectors.toMap(p -> p.listing().listingId(), Function.identity()));
    }
}
