package dev.omnisync.listing.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.ListingSelection;
import dev.omnisync.listing.PolicyKind;
import dev.omnisync.workspace.WorkspaceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Moves selected listings to another policy, and back, each in one set-based statement: a bulk change of
 * 100,000 listings is one UPDATE joined to one INSERT of what each listing had before, not 100,000 round trips.
 */
@Repository
public class BulkPolicyChanges {

    private final JdbcClient jdbc;

    BulkPolicyChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded change: its id and how many listings it moved. */
    public record Recorded(long changeId, long moved) {
    }

    /** A bulk change as it is stored. */
    public record Stored(long changeId, PolicyKind kind, long newPolicyId, long listings, Instant createdAt, Instant undoneAt) {
    }

    /**
     * Moves the selected listings of {@code channel} that are not on {@code policyId} yet to it, remembering
     * each one's previous policy under a new change id.
     */
    public Recorded apply(WorkspaceId workspace, ListingSelection selection, PolicyKind kind, long policyId, Channel channel) {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(workspace, selection, params);
        params.put("policy", policyId);
        params.put("kind", kind.name());
        params.put("policyChannel", channel.name());
        String column = kind.column();
        // The selected rows are locked as they are read, so the "previous" policy recorded for undo is the
        // one each listing really had when it moved.
        return jdbc.sql("""
                        with selected as (
                            select l.listing_id, l.%1$s as previous from listing l
                            where %2$s and l.channel = :policyChannel and l.%1$s <> :policy
                            for update
                        ), moved as (
                            update listing t set %1$s = :policy, updated_at = now()
                            from selected s
                            where t.workspace_id = :ws and t.listing_id = s.listing_id
                            returning t.listing_id, s.previous
                        ), change as (
                            insert into bulk_policy_change (workspace_id, policy_kind, new_policy_id, listing_count)
                            select :ws, :kind, :policy, count(*) from moved
                            returning change_id, listing_count
                        ), items as (
                            insert into bulk_policy_change_item (workspace_id, change_id, listing_id, previous_policy_id)
                            select :ws, c.change_id, m.listing_id, m.previous from moved m cross join change c
                        )
                        select change_id, listing_count from change""".formatted(column, where))
                .params(params)
                .query((rs, n) -> new Recorded(rs.getLong("change_id"), rs.getLong("listing_count"))).single();
    }

    /**
     * Puts every listing of the change back on the policy it had before, in one statement. Listings moved
     * again since then keep their newer policy. Empty when the change is unknown or was undone already.
     */
    public Optional<Long> undo(WorkspaceId workspace, long changeId) {
        return jdbc.sql("""
                        with undone as (
                            update bulk_policy_change set undone_at = now()
                            where workspace_id = :ws and change_id = :change and undone_at is null
                            returning policy_kind, new_policy_id
                        ), restored as (
                            update listing l set
                                sync_policy_id = case when u.policy_kind = 'SYNC' then i.previous_policy_id else l.sync_policy_id end,
                                selling_policy_id = case when u.policy_kind = 'SELLING' then i.previous_policy_id else l.selling_policy_id end,
                                updated_at = now()
                            from bulk_policy_change_item i, undone u
                            where i.workspace_id = :ws and i.change_id = :change
                              and l.workspace_id = :ws and l.listing_id = i.listing_id
                              and (case when u.policy_kind = 'SYNC' then l.sync_policy_id else l.selling_policy_id end) = u.new_policy_id
                            returning l.listing_id
                        )
                        select (select count(*) from undone) as undone, (select count(*) from restored) as restored""")
                .param("ws", workspace.value()).param("change", changeId)
                .query((rs, n) -> rs.getLong("undone") == 0 ? Optional.<Long>empty() : Optional.of(rs.getLong("restored")))
                .single();
    }

    /** Previous policies of the change's listings that no longer exist (deleted since), so undo cannot restore them. */
    public java.util.List<Long> deletedPreviousPolicies(WorkspaceId workspace, long changeId) {
        return jdbc.sql("""
                        select distinct i.previous_policy_id from bulk_policy_change_item i
                        join bulk_policy_change c on c.workspace_id = i.workspace_id and c.change_id = i.change_id
                        where i.workspace_id = :ws and i.change_id = :change
                          and not exists (select 1 from sync_policy p where c.policy_kind = 'SYNC'
                                          and p.workspace_id = i.workspace_id and p.policy_id = i.previous_policy_id)
                          and not exists (select 1 from selling_policy p where c.policy_kind = 'SELLING'
                                          and p.workspace_id = i.workspace_id and p.policy_id = i.previous_policy_id)
                        order by 1 limit 10""")
                .param("ws", workspace.value()).param("change", changeId).query(Long.class).list();
    }

    public Optional<Stored> find(WorkspaceId workspace, long changeId) {
        return jdbc.sql("""
                        select change_id, policy_kind, new_policy_id, listing_count, created_at, undone_at
                        from bulk_policy_change where workspace_id = ? and change_id = ?""")
                .params(workspace.value(), changeId)
                .query((rs, n) -> new Stored(rs.getLong("change_id"), PolicyKind.valueOf(rs.getString("policy_kind")),
                        rs.getLong("new_policy_id"), rs.getLong("listing_count"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("undone_at") == null ? null : rs.getTimestamp("undone_at").toInstant()))
                .optional();
    }
}
