package dev.omnisync.sync.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.sync.ListingSnapshot;
import dev.omnisync.sync.ListingSnapshots;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hand SQL on the hot path: one query per chunk, never one per listing. */
@Repository
class JdbcListingSnapshots implements ListingSnapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select l.workspace_id, l.listing_id, l.account_id, l.channel, l.sku, l.channel_ref, l.sync_policy_id,
                   l.selling_policy_id, l.inventory_sync, l.price_managed_by, a.price_managed_by as account_price_owner,
                   l.asin_owner, l.status, l.last_error, l.online
            from listing l
            join channel_account a on a.workspace_id = l.workspace_id and a.account_id = l.account_id
            """;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    JdbcListingSnapshots(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public List<ListingSnapshot> bySkus(long workspaceId, Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where l.workspace_id = ? and l.sku = any(?) order by l.listing_id")
                .params(workspaceId, skus.toArray(String[]::new)).query(JdbcListingSnapshots::map).list();
    }

    @Override
    public List<ListingSnapshot> byIds(long workspaceId, Collection<Long> listingIds) {
        if (listingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where l.workspace_id = ? and l.listing_id = any(?) order by l.listing_id")
                .params(workspaceId, listingIds.toArray(Long[]::new)).query(JdbcListingSnapshots::map).list();
    }

    @Override
    public void accepted(long workspaceId, Map<Long, Map<FieldKey, String>> onlineFingerprintsByListing) {
        if (onlineFingerprintsByListing.isEmpty()) {
            return;
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        new java.util.TreeMap<>(onlineFingerprintsByListing).forEach((listingId, fingerprints) -> {
            Map<String, String> byName = new java.util.TreeMap<>();
            fingerprints.forEach((k, v) -> byName.put(k.name(), v));
            rows.add(new Object[] {JSON.writeValueAsString(byName), workspaceId, listingId});
        });
        jdbcTemplate.batchUpdate("""
                update listing set online = online || cast(? as jsonb), last_synced_at = now(), updated_at = now(),
                       status = 'ACTIVE', last_error = null
                where workspace_id = ? and listing_id = ?""", rows);
    }

    @Override
    public void quarantine(long workspaceId, long listingId, String channelMessage) {
        jdbc.sql("update listing set status = 'QUARANTINED', last_error = ?, updated_at = now() where workspace_id = ? and listing_id = ?")
                .params(channelMessage, workspaceId, listingId).update();
    }

    @Override
    public void release(long workspaceId, Collection<Long> listingIds) {
        if (listingIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update listing set status = 'ACTIVE', last_error = null, updated_at = now()
                where workspace_id = ? and listing_id = any(?) and status = 'QUARANTINED'""")
                .params(workspaceId, listingIds.toArray(Long[]::new)).update();
    }

    @Override
    public void adjustOnlineQuantity(long workspaceId, long accountId, Map<String, Integer> deltaBySku) {
        if (deltaBySku.isEmpty()) {
            return;
        }
        java.util.TreeMap<String, Integer> sorted = new java.util.TreeMap<>(deltaBySku);
        jdbc.sql("""
                update listing l set online = jsonb_set(l.online, '{QUANTITY}',
                       to_jsonb(greatest(0, (l.online->>'QUANTITY')::integer + d.delta)::text)), updated_at = now()
                from unnest(?::text[], ?::int[]) as d(sku, delta)
                where l.workspace_id = ? and l.account_id = ? and l.sku = d.sku
                  and (l.online->>'QUANTITY') ~ '^[0-9]+$'""")
                .params(sorted.keySet().toArray(String[]::new), sorted.values().toArray(Integer[]::new), workspaceId, accountId)
                .update();
    }

    private static ListingSnapshot map(ResultSet rs, int row) throws SQLException {
        Map<FieldKey, String> online = new EnumMap<>(FieldKey.class);
        String json = rs.getString("online");
        if (json != null) {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> online.put(FieldKey.valueOf(e.getKey()), e.getValue().asString()));
        }
        boolean asinNull;
        boolean asin = rs.getBoolean("asin_owner");
        asinNull = rs.wasNull();
        return new ListingSnapshot(rs.getLong("workspace_id"), rs.getLong("listing_id"), rs.getLong("account_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("sku"), rs.getString("channel_ref"),
                rs.getLong("sync_policy_id"), rs.getLong("selling_policy_id"), rs.getBoolean("inventory_sync"),
                PriceOwner.valueOf(rs.getString("price_managed_by")), PriceOwner.valueOf(rs.getString("account_price_owner")),
                asinNull ? null : asin, rs.getString("status"), rs.getString("last_error"), online);
    }
}
