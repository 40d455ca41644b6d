package dev.omnisync.sync;

import dev.omnisync.listing.ListingLinked;
import dev.omnisync.listing.ListingPoliciesChanged;
import dev.omnisync.listing.ListingSettingsChanged;
import dev.omnisync.policy.SellingPolicyChanged;
import dev.omnisync.policy.SyncPolicyChanged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-plans the listings a change touches that is not a product change: a policy edit, a bulk policy change
 * (or its undo), a new link (the store is the source of truth: its values are sent), a per-item flag.
 * Listens synchronously, so the re-plan request commits in the same transaction as the change itself.
 */
@Component
class ReplanOnChanges {

    private final Planner planner;
    private final JdbcClient jdbc;

    ReplanOnChanges(Planner planner, JdbcClient jdbc) {
        this.planner = planner;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SyncPolicyChanged changed) {
        planner.requestReplanOfPolicy(changed.workspace().value(), "sync_policy_id", changed.policyId());
    }

    @EventListener
    void on(SellingPolicyChanged changed) {
        planner.requestReplanOfPolicy(changed.workspace().value(), "selling_policy_id", changed.policyId());
    }

    @EventListener
    void on(ListingLinked linked) {
        planner.requestReplan(linked.workspace().value(), List.of(linked.listingId()));
    }

    @EventListener
    void on(ListingSettingsChanged changed) {
        planner.requestReplan(changed.workspace().value(), List.of(changed.listingId()));
    }

    @EventListener
    void on(ListingPoliciesChanged changed) {
        jdbc.sql("""
                insert into replan (workspace_id, listing_id)
                select workspace_id, listing_id from bulk_policy_change_item where workspace_id = ? and change_id = ?
                on conflict do nothing""")
                .params(changed.workspace().value(), changed.changeId()).update();
    }
}
