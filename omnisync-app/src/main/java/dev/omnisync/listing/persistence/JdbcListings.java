package dev.omnisync.listing.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.listing.Listing;
import dev.omnisync.listing.ListingFilter;
import dev.omnisync.listing.ListingSelection;
import dev.omnisync.listing.Listings;
import dev.omnisync.listing.PolicyKind;
import dev.omnisync.policy.PolicyUsage;
import dev.omnisync.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Listings in PostgreSQL; also answers the policy module's {@link PolicyUsage} questions. */
@Repository
public class JdbcListings implements Listings, PolicyUsage {

    private static final String SELECT = """
            select l.listing_id, l.account_id, l.channel, l.sku, l.channel_ref, l.sync_policy_id, sp.name as sync_policy_name,
                   l.selling_policy_id, se.name as selling_policy_name, l.inventory_sync, l.price_managed_by, l.asin_owner,
                   l.status, l.online::text as online, l.last_error, l.last_synced_at, l.created_at, l.updated_at
            from listing l
            join sync_policy sp on sp.workspace_id = l.workspace_id and sp.policy_id = l.sync_policy_id
            join selling_policy se on se.workspace_id = l.workspace_id and se.policy_id = l.selling_policy_id
            """;

    private final JdbcClient jdbc;

    JdbcListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new listing is made of; policies already resolved and checked against the account's channel. */
    public record NewListing(long accountId, Channel channel, String sku, String channelRef, long syncPolicyId,
            long sellingPolicyId, boolean inventorySync, PriceOwner priceManagedBy, Boolean asinOwner) {
    }

    /** Inserts the listing; empty when the account already lists the SKU. */
    public Optional<Long> insert(WorkspaceId workspace, NewListing l) {
        return jdbc.sql("""
                        insert into listing (workspace_id, account_id, channel, sku, channel_ref, sync_policy_id, selling_policy_id,
                                             inventory_sync, price_managed_by, asin_owner)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, account_id, sku) do nothing
                        returning listing_id""")
                .params(workspace.value(), l.accountId(), l.channel().name(), l.sku(), l.channelRef(), l.syncPolicyId(),
                        l.sellingPolicyId(), l.inventorySync(), l.priceManagedBy().name(), l.asinOwner())
                .query(Long.class).optional();
    }

    public boolean exists(WorkspaceId workspace, long accountId, String sku) {
        return jdbc.sql("select exists (select 1 from listing where workspace_id = ? and account_id = ? and sku = ?)")
                .params(workspace.value(), accountId, sku).query(Boolean.class).single();
    }

    /** Sets the per-item settings that are present (null = leave as is). */
    public void updateSettings(WorkspaceId workspace, long listingId, Boolean inventorySync, PriceOwner priceManagedBy,
            Boolean asinOwner, boolean setAsinOwner) {
        jdbc.sql("""
                        update listing set inventory_sync = coalesce(?, inventory_sync), price_managed_by = coalesce(?, price_managed_by),
                               asin_owner = case when ? then ? else asin_owner end, updated_at = now()
                        where workspace_id = ? and listing_id = ?""")
                .params(inventorySync, priceManagedBy == null ? null : priceManagedBy.name(), setAsinOwner, asinOwner,
                        workspace.value(), listingId)
                .update();
    }

    @Override
    public Optional<Listing> find(WorkspaceId workspace, long listingId) {
        return jdbc.sql(SELECT + " where l.workspace_id = ? and l.listing_id = ?")
                .params(workspace.value(), listingId).query(JdbcListings::map).optional();
    }

    @Override
    public List<Listing> search(WorkspaceId workspace, ListingFilter filter, long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(workspace, filter, params);
        params.put("after", afterId);
        params.put("limit", limit);
        return jdbc.sql(SELECT + " where " + where + " and l.listing_id > :after order by l.listing_id limit :limit")
                .params(params).query(JdbcListings::map).list();
    }

    /** Of the given ids, those that are not listings of the workspace (at most {@code max}). */
    public List<Long> missing(WorkspaceId workspace, List<Long> listingIds, int max) {
        return jdbc.sql("""
                        select id from unnest(?::bigint[]) as wanted(id)
                        where not exists (select 1 from listing l where l.workspace_id = ? and l.listing_id = wanted.id)
                        order by id limit ?""")
                .params(listingIds.toArray(Long[]::new), workspace.value(), max).query(Long.class).list();
    }

    /** How many selected listings each channel has. */
    public Map<Channel, Long> countByChannel(WorkspaceId workspace, ListingSelection selection) {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(workspace, selection, params);
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        jdbc.sql("select l.channel, count(*) as n from listing l where " + where + " group by l.channel")
                .params(params)
                .query((rs, n) -> counts.put(Channel.valueOf(rs.getString("channel")), rs.getLong("n"))).list();
        return counts;
    }

    /** Up to {@code limit} selected listings that a move to {@code target} would change, for previews. */
    public List<Long> sampleToMove(WorkspaceId workspace, ListingSelection selection, PolicyKind kind, long target, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(workspace, selection, params);
        params.put("target", target);
        params.put("limit", limit);
        return jdbc.sql("select l.listing_id from listing l where " + where + " and l." + kind.column() + " <> :target"
                        + " order by l.listing_id limit :limit")
                .params(params).query(Long.class).list();
    }

    @Override
    public List<Long> someListingsUsingSyncPolicy(WorkspaceId workspace, long policyId, int limit) {
        return sampleUsing(workspace, PolicyKind.SYNC, policyId, limit);
    }

    @Override
    public List<Long> someListingsUsingSellingPolicy(WorkspaceId workspace, long policyId, int limit) {
        return sampleUsing(workspace, PolicyKind.SELLING, policyId, limit);
    }

    private List<Long> sampleUsing(WorkspaceId workspace, PolicyKind kind, long policyId, int limit) {
        return jdbc.sql("select listing_id from listing where workspace_id = ? and " + kind.column() + " = ? order by listing_id limit ?")
                .params(workspace.value(), policyId, limit).query(Long.class).list();
    }

    /** How many selected listings have each current policy of the kind, leaving out those already on {@code target}. */
    public Map<Long, Long> countByCurrentPolicy(WorkspaceId workspace, ListingSelection selection, PolicyKind kind, long target) {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(workspace, selection, params);
        params.put("target", target);
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select l." + kind.column() + " as policy_id, count(*) as n from listing l where " + where
                        + " and l." + kind.column() + " <> :target group by 1")
                .params(params)
                .query((rs, n) -> counts.put(rs.getLong("policy_id"), rs.getLong("n"))).list();
        return counts;
    }

    @Override
    public Map<Long, Long> listingsPerSyncPolicy(WorkspaceId workspace, Collection<Long> policyIds) {
        return usage(workspace, PolicyKind.SYNC, policyIds);
    }

    @Override
    public Map<Long, Long> listingsPerSellingPolicy(WorkspaceId workspace, Collection<Long> policyIds) {
        return usage(workspace, PolicyKind.SELLING, policyIds);
    }

    private Map<Long, Long> usage(WorkspaceId workspace, PolicyKind kind, Collection<Long> policyIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (policyIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select " + kind.column() + " as policy_id, count(*) as n from listing where workspace_id = ? and "
                        + kind.column() + " = any(?) group by 1")
                .params(workspace.value(), policyIds.toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong("policy_id"), rs.getLong("n"))).list();
        return counts;
    }

    static Listing map(ResultSet rs, int row) throws SQLException {
        return new Listing(rs.getLong("listing_id"), rs.getLong("account_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("sku"), rs.getString("channel_ref"), rs.getLong("sync_policy_id"), rs.getString("sync_policy_name"),
                rs.getLong("selling_policy_id"), rs.getString("selling_policy_name"), rs.getBoolean("inventory_sync"),
                PriceOwner.valueOf(rs.getString("price_managed_by")), (Boolean) rs.getObject("asin_owner"), rs.getString("status"),
                rs.getString("online"), rs.getString("last_error"), instant(rs.getTimestamp("last_synced_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
