package dev.omnisync.sync;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.Products;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns catalog change records and re-plan requests into revisions. Each chunk is one transaction: the
 * change records it consumed and the revisions it marked commit together, so a crash loses nothing and
 * plans nothing twice. Listings are loaded with their policies in a few set-based reads per chunk.
 */
@Service
public class Planner {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(Planner.class);

    private final JdbcClient jdbc;
    private final ListingSnapshots listings;
    private final Products products;
    private final SyncPolicies syncPolicies;
    private final SellingPolicies sellingPolicies;
    private final Revisions revisions;
    private final SyncLog syncLog;
    private final SyncSettings settings;

    Planner(JdbcClient jdbc, ListingSnapshots listings, Products products, SyncPolicies syncPolicies,
            SellingPolicies sellingPolicies, Revisions revisions, SyncLog syncLog, SyncSettings settings) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.products = products;
        this.syncPolicies = syncPolicies;
        this.sellingPolicies = sellingPolicies;
        this.revisions = revisions;
        this.syncLog = syncLog;
        this.settings = settings;
    }

    /**
     * Plans one chunk of catalog changes; answers how many change records it consumed. Claimed by row address,
     * like re-plan requests: a plan made while the table was small must not turn a big import's chunks into scans.
     */
    @Transactional
    public int planProductChanges() {
        Map<Long, Set<String>> skusByWorkspace = new LinkedHashMap<>();
        jdbc.sql("""
                update product_change set planned_at = now() where ctid = any(array(
                  select ctid from product_change where planned_at is null
                  order by change_id limit ? for update skip locked))
                returning workspace_id, sku""")
                .param(settings.planChunk())
                .query((rs, n) -> skusByWorkspace.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2)))
                .list();
        int consumed = skusByWorkspace.values().stream().mapToInt(Set::size).sum();
        skusByWorkspace.forEach((workspaceId, skus) -> {
            List<ListingSnapshot> affected = listings.bySkus(workspaceId, skus);
            // The store's data changed: a quarantined listing gets another chance with the new data.
            List<Long> quarantined = affected.stream().filter(ListingSnapshot::quarantined).map(ListingSnapshot::listingId).toList();
            listings.release(workspaceId, quarantined);
            plan(workspaceId, affected.stream().map(l -> quarantined.contains(l.listingId()) ? l.withStatus(ListingSnapshot.ACTIVE) : l).toList());
        });
        return consumed;
    }

    /** Plans one chunk of listings whose policy, link or per-item settings changed. */
    @Transactional
    public int planRequestedListings() {
        Map<Long, List<Long>> idsByWorkspace = new LinkedHashMap<>();
        // By ctid, not by a join back on the key: a policy edit fills this table from empty to 800,000 rows in
        // one commit, and a join planned on the empty table's statistics became a nested loop over a sequential
        // scan that held the first chunk for minutes (load harness, docs/benchmarks.md). A TID scan has one plan.
        jdbc.sql("""
                delete from replan where ctid = any(array(
                  select ctid from replan order by requested_at limit ? for update skip locked))
                returning workspace_id, listing_id""")
                .param(settings.planChunk())
                .query((rs, n) -> idsByWorkspace.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        idsByWorkspace.forEach((workspaceId, ids) -> plan(workspaceId, listings.byIds(workspaceId, ids)));
        return idsByWorkspace.values().stream().mapToInt(List::size).sum();
    }

    /** Removes planned change records older than the retention (they stay readable until then). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${omnisync.sync.change-retention-check:10m}", initialDelayString = "2m")
    public void forgetOldChanges() {
        jdbc.sql("delete from product_change where planned_at < now() - cast(? as interval)")
                .param(settings.changeRetention().toSeconds() + " seconds").update();
    }

    /** Asks for these listings to be re-planned, in the caller's transaction. */
    public void requestReplan(long workspaceId, Collection<Long> listingIds) {
        if (listingIds.isEmpty()) {
            return;
        }
        jdbc.sql("insert into replan (workspace_id, listing_id) select ?, unnest(?) on conflict do nothing")
                .params(workspaceId, listingIds.toArray(Long[]::new)).update();
    }

    /** Asks for every listing using a policy to be re-planned, in one statement, in the caller's transaction. */
    public int requestReplanOfPolicy(long workspaceId, String policyColumn, long policyId) {
        if (!policyColumn.equals("sync_policy_id") && !policyColumn.equals("selling_policy_id")) {
            throw new IllegalArgumentException("not a policy column: " + policyColumn);
        }
        return jdbc.sql("insert into replan (workspace_id, listing_id) select workspace_id, listing_id from listing "
                        + "where workspace_id = ? and " + policyColumn + " = ? on conflict do nothing")
                .params(workspaceId, policyId).update();
    }

    /** The verdicts for listings as they stand now, without marking anything (explain, previews). */
    public List<ListingPlan> preview(long workspaceId, List<ListingSnapshot> snapshots) {
        return planAll(workspaceId, snapshots, null, null);
    }

    /** The verdicts the listings would get under other policies (null = their own), for policy previews. */
    public List<ListingPlan> previewWith(long workspaceId, List<ListingSnapshot> snapshots, SynchronizationPolicy sync,
            SellingPolicy selling) {
        return planAll(workspaceId, snapshots, sync, selling);
    }

    private void plan(long workspaceId, List<ListingSnapshot> snapshots) {
        List<Revisions.Mark> marks = new ArrayList<>();
        List<SyncLogEntry> log = new ArrayList<>();
        Instant now = Instant.now();
        for (ListingPlan plan : planTolerantly(workspaceId, snapshots, log)) {
            ListingSnapshot l = plan.listing();
            Set<FieldKey> dirty = plan.dirty();
            if (!dirty.isEmpty() && !l.quarantined()) {
                marks.add(new Revisions.Mark(workspaceId, l.listingId(), l.accountId(), dirty, plan.priority(settings.lowStockThreshold())));
                log.add(new SyncLogEntry(workspaceId, l.listingId(), l.accountId(), l.channel(), l.sku(), SyncDecision.QUEUED,
                        dirty, List.of("the store's values differ from the channel's"), arithmetic(plan, dirty), null, null, now));
            }
            // A held-back field whose value differs is worth a line: it answers "why did F not move?"
            List<FieldPlan> held = plan.fields().stream()
                    .filter(f -> f.verdict() == FieldPlan.Verdict.SKIP && f.desired() != null
                            && !f.desired().fingerprint().equals(f.online())
                            && !f.reasons().get(0).startsWith("Synchronization Policy"))
                    .toList();
            for (FieldPlan f : held) {
                log.add(new SyncLogEntry(workspaceId, l.listingId(), l.accountId(), l.channel(), l.sku(), SyncDecision.SKIPPED,
                        Set.of(f.field()), f.reasons(), f.desired().arithmetic(), null, null, now));
            }
        }
        revisions.mark(marks);
        syncLog.record(log);
    }

    /**
     * Plans a chunk; should one listing's data break planning, the chunk is planned listing by listing and
     * only that listing is left out (with a sync-log note), so one bad row never holds up everyone's changes.
     */
    private List<ListingPlan> planTolerantly(long workspaceId, List<ListingSnapshot> snapshots, List<SyncLogEntry> log) {
        try {
            return planAll(workspaceId, snapshots, null, null);
        } catch (RuntimeException chunkFailed) {
            List<ListingPlan> plans = new ArrayList<>();
            for (ListingSnapshot l : snapshots) {
                try {
                    plans.addAll(planAll(workspaceId, List.of(l), null, null));
                } catch (RuntimeException e) {
                    logger.warn("Listing {} of workspace {} could not be planned", l.listingId(), workspaceId, e);
                    log.add(new SyncLogEntry(workspaceId, l.listingId(), l.accountId(), l.channel(), l.sku(), SyncDecision.NOTE,
                            Set.of(), List.of("could not be planned: " + e.getMessage()), null, null, null, Instant.now()));
                }
            }
            return plans;
        }
    }

    private List<ListingPlan> planAll(long workspaceId, List<ListingSnapshot> snapshots, SynchronizationPolicy syncOverride,
            SellingPolicy sellingOverride) {
        if (snapshots.isEmpty()) {
            return List.of();
        }
        WorkspaceId workspace = new WorkspaceId(workspaceId);
        Map<String, Product> productsBySku = products.findAll(workspace,
                snapshots.stream().map(ListingSnapshot::sku).collect(Collectors.toSet()));
        Map<Long, SynchronizationPolicy> syncById = syncPolicies.findAll(workspace,
                snapshots.stream().map(ListingSnapshot::syncPolicyId).collect(Collectors.toSet()));
        Map<Long, SellingPolicy> sellingById = sellingPolicies.findAll(workspace,
                snapshots.stream().map(ListingSnapshot::sellingPolicyId).collect(Collectors.toSet()));
        List<ListingPlan> plans = new ArrayList<>(snapshots.size());
        for (ListingSnapshot l : snapshots) {
            Product product = productsBySku.get(l.sku());
            SynchronizationPolicy sync = syncOverride != null ? syncOverride : syncById.get(l.syncPolicyId());
            SellingPolicy selling = sellingOverride != null ? sellingOverride : sellingById.get(l.sellingPolicyId());
            if (product == null || sync == null || selling == null) {
                throw new IllegalStateException("listing " + l.listingId() + " lacks its product or policies");
            }
            plans.add(ListingPlanner.plan(l, sync, selling, product));
        }
        return plans;
    }

    static String arithmetic(ListingPlan plan, Set<FieldKey> fields) {
        List<String> parts = new ArrayList<>();
        for (FieldKey key : List.of(FieldKey.QUANTITY, FieldKey.PRICE)) {
            FieldPlan f = plan.field(key);
            if (fields.contains(key) && f != null && f.desired() != null && f.desired().arithmetic() != null) {
                parts.add(key.name().toLowerCase() + ": " + f.desired().arithmetic());
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
