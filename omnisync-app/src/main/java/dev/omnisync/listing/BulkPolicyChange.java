package dev.omnisync.listing;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.persistence.BulkPolicyChanges;
import dev.omnisync.listing.persistence.JdbcListings;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.PolicyPreview;
import dev.omnisync.policy.PreviewValues;
import org.springframework.beans.factory.ObjectProvider;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.workspace.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns a Synchronization or Selling Policy to many listings at once, after a preview the user confirms,
 * and undoes such a change. The move itself is one set-based statement however many listings it covers.
 */
@Service
public class BulkPolicyChange {

    private static final int MAX_UNKNOWN_REPORTED = 10;

    private final JdbcListings listings;
    private final BulkPolicyChanges changes;
    private final SyncPolicies syncPolicies;
    private final SellingPolicies sellingPolicies;
    private final ApplicationEventPublisher events;

    private final ObjectProvider<PreviewValues> previewValues;

    BulkPolicyChange(JdbcListings listings, BulkPolicyChanges changes, SyncPolicies syncPolicies, SellingPolicies sellingPolicies,
            ApplicationEventPublisher events, ObjectProvider<PreviewValues> previewValues) {
        this.previewValues = previewValues;
        this.listings = listings;
        this.changes = changes;
        this.syncPolicies = syncPolicies;
        this.sellingPolicies = sellingPolicies;
        this.events = events;
    }

    /**
     * Previews the change, or — when confirmed, or when it affects no listing — applies it. Publishes
     * {@link ListingPoliciesChanged} when listings moved.
     */
    @Transactional
    public BulkChangeOutcome change(WorkspaceId workspace, BulkChangeRequest request) {
        ListingSelection selection = request.selection();
        if (selection instanceof ListingSelection.ByIds ids) {
            List<Long> missing = listings.missing(workspace, ids.listingIds(), MAX_UNKNOWN_REPORTED);
            if (!missing.isEmpty()) {
                return new BulkChangeOutcome.UnknownListings(missing);
            }
        }
        Map<Channel, Long> channels = listings.countByChannel(workspace, selection);
        PolicyKind kind = request.kind();

        // the target policy: an existing one, or a draft to create on confirmation
        Channel channel;
        String policyName;
        SynchronizationPolicy syncTarget = null;
        SellingPolicy sellingTarget = null;
        if (request.syncPolicyId() != null) {
            Optional<SynchronizationPolicy> found = syncPolicies.find(workspace, request.syncPolicyId());
            if (found.isEmpty()) {
                return new BulkChangeOutcome.UnknownPolicy(PolicyKind.SYNC, request.syncPolicyId());
            }
            syncTarget = found.get();
            channel = syncTarget.channel();
            policyName = syncTarget.name();
        } else if (request.sellingPolicyId() != null) {
            Optional<SellingPolicy> found = sellingPolicies.find(workspace, request.sellingPolicyId());
            if (found.isEmpty()) {
                return new BulkChangeOutcome.UnknownPolicy(PolicyKind.SELLING, request.sellingPolicyId());
            }
            sellingTarget = found.get();
            channel = sellingTarget.channel();
            policyName = sellingTarget.name();
        } else {
            BulkChangeRequest.InlinePolicy inline = request.syncPolicy();
            if (inline.channel() != null) {
                channel = Channel.parse(inline.channel()).orElseThrow(() -> new IllegalArgumentException(
                        "Unknown channel '" + inline.channel() + "' in 'syncPolicy'; use one of " + Channel.allNames() + "."));
            } else if (selection instanceof ListingSelection.ByFilter f && f.filter().channel() != null) {
                channel = f.filter().channel();
            } else if (channels.size() == 1) {
                channel = channels.keySet().iterator().next();
            } else {
                return new BulkChangeOutcome.ChannelUnclear(List.copyOf(channels.keySet()));
            }
            syncTarget = SynchronizationPolicy.draft(channel, inline.name(), inline.fields());
            policyName = syncTarget.name();
        }

        List<Channel> others = channels.keySet().stream().filter(c -> c != channel).toList();
        if (!others.isEmpty()) {
            long count = others.stream().mapToLong(channels::get).sum();
            return new BulkChangeOutcome.OtherChannels(policyName, channel, others, count);
        }

        long targetId = syncTarget != null ? syncTarget.id() : sellingTarget.id();
        Map<Long, Long> byCurrent = listings.countByCurrentPolicy(workspace, selection, kind, targetId);
        PolicyPreview preview = kind == PolicyKind.SYNC
                ? PolicyPreview.ofSyncMove(keyed(syncPolicies.findAll(workspace, byCurrent.keySet()), byCurrent), syncTarget)
                : PolicyPreview.ofSellingMove(keyed(sellingPolicies.findAll(workspace, byCurrent.keySet()), byCurrent), sellingTarget);
        if (preview.affectedListings() > 0 && !request.confirmed()) {
            PreviewValues values = previewValues.getIfAvailable();
            if (values != null) {
                preview = values.withValues(workspace, preview,
                        listings.sampleToMove(workspace, selection, kind, targetId, PreviewValues.SAMPLE_LIMIT),
                        preview.affectedListings(), syncTarget, sellingTarget);
            }
            return new BulkChangeOutcome.NeedsConfirmation(preview);
        }

        if (syncTarget != null && syncTarget.id() == 0) {
            if (preview.affectedListings() == 0 && !request.confirmed()) {
                return new BulkChangeOutcome.Moved(null, kind, 0, 0);
            }
            var created = syncPolicies.create(workspace, syncTarget);
            if (created instanceof PolicyOutcome.NameTaken<SynchronizationPolicy> taken) {
                return new BulkChangeOutcome.PolicyNameTaken(taken.channel(), taken.name());
            }
            targetId = ((PolicyOutcome.Saved<SynchronizationPolicy>) created).policy().id();
        }
        if (preview.affectedListings() == 0) {
            return new BulkChangeOutcome.Moved(null, kind, targetId, 0);
        }
        BulkPolicyChanges.Recorded recorded = changes.apply(workspace, selection, kind, targetId, channel);
        events.publishEvent(new ListingPoliciesChanged(workspace, recorded.changeId(), kind, recorded.moved(), false));
        return new BulkChangeOutcome.Moved(recorded.changeId(), kind, targetId, recorded.moved());
    }

    /** Puts the listings of a bulk change back on their previous policies, once. */
    @Transactional
    public BulkChangeOutcome undo(WorkspaceId workspace, long changeId) {
        List<Long> deleted = changes.deletedPreviousPolicies(workspace, changeId);
        if (!deleted.isEmpty()) {
            return new BulkChangeOutcome.PreviousPoliciesDeleted(changeId, deleted);
        }
        Optional<Long> restored = changes.undo(workspace, changeId);
        if (restored.isPresent()) {
            PolicyKind kind = changes.find(workspace, changeId).orElseThrow().kind();
            events.publishEvent(new ListingPoliciesChanged(workspace, changeId, kind, restored.get(), true));
            return new BulkChangeOutcome.Undone(changeId, restored.get());
        }
        return changes.find(workspace, changeId)
                .<BulkChangeOutcome>map(stored -> new BulkChangeOutcome.AlreadyUndone(changeId, stored.undoneAt()))
                .orElseGet(() -> new BulkChangeOutcome.UnknownChange(changeId));
    }

    private static <P> Map<P, Long> keyed(Map<Long, P> policies, Map<Long, Long> counts) {
        Map<P, Long> byPolicy = new LinkedHashMap<>();
        counts.forEach((id, n) -> {
            P policy = policies.get(id);
            if (policy != null) {
                byPolicy.merge(policy, n, Long::sum);
            }
        });
        return byPolicy;
    }
}
