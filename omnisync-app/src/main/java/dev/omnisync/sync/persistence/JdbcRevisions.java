package dev.omnisync.sync.persistence;

import dev.omnisync.channel.FieldKey;
import dev.omnisync.sync.Revision;
import dev.omnisync.sync.Revisions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRevisions implements Revisions {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    JdbcRevisions(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    @Override
    public void mark(Collection<Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        // Sorted so that concurrent planners lock rows in one order and never deadlock.
        List<Mark> ordered = marks.stream()
                .sorted(Comparator.comparingLong(Mark::workspaceId).thenComparingLong(Mark::listingId)).toList();
        jdbcTemplate.batchUpdate("""
                insert into revision as r (workspace_id, listing_id, account_id, fields, priority)
                values (?, ?, ?, ?, ?)
                on conflict (workspace_id, listing_id) do update set
                  fields = (select array_agg(distinct f order by f) from unnest(r.fields || excluded.fields) f),
                  priority = least(r.priority, excluded.priority),
                  due_at = case when r.attempts = 0 then least(r.due_at, excluded.due_at) else r.due_at end,
                  generation = r.generation + 1""", ordered, 1000, (PreparedStatement ps, Mark m) -> {
            ps.setLong(1, m.workspaceId());
            ps.setLong(2, m.listingId());
            ps.setLong(3, m.accountId());
            ps.setArray(4, ps.getConnection().createArrayOf("text", m.fields().stream().map(Enum::name).sorted().toArray()));
            ps.setInt(5, m.priority());
        });
    }

    @Override
    public java.util.Optional<Revision> find(long workspaceId, long listingId) {
        return jdbc.sql("select * from revision where workspace_id = ? and listing_id = ?")
                .params(workspaceId, listingId).query(JdbcRevisions::map).optional();
    }

    @Override
    public boolean parked(long workspaceId, long listingId) {
        return jdbc.sql("select exists (select 1 from revision where workspace_id = ? and listing_id = ? and lease_owner = 'async-job' and lease_until > now())")
                .params(workspaceId, listingId).query(Boolean.class).single();
    }

    @Override
    public List<DueAccount> accountsWithDueWork(int limit) {
        return jdbc.sql("""
                select workspace_id, account_id from revision
                where due_at <= now() and (lease_until is null or lease_until < now())
                group by workspace_id, account_id
                order by min(due_at)
                limit ?""")
                .param(limit).query((rs, n) -> new DueAccount(rs.getLong(1), rs.getLong(2))).list();
    }

    @Override
    public Duration oldestDueAge(long workspaceId, long accountId) {
        Long millis = jdbc.sql("""
                select (extract(epoch from now() - min(first_changed_at)) * 1000)::bigint from revision
                where workspace_id = ? and account_id = ? and due_at <= now()
                  and (lease_until is null or lease_until < now())""")
                .params(workspaceId, accountId).query(Long.class).optional().orElse(null);
        return millis == null ? null : Duration.ofMillis(Math.max(0, millis));
    }

    @Override
    public List<Revision> claim(long workspaceId, long accountId, int limit, String owner, Duration lease, int maxPriority) {
        return jdbc.sql("""
                with due as (
                  select workspace_id, listing_id from revision
                  where workspace_id = ? and account_id = ? and due_at <= now() and priority <= ?
                    and (lease_until is null or lease_until < now())
                  order by priority, due_at
                  limit ?
                  for update skip locked)
                update revision r set lease_owner = ?, lease_until = now() + cast(? as interval)
                from due where r.workspace_id = due.workspace_id and r.listing_id = due.listing_id
                returning r.*""")
                .params(workspaceId, accountId, maxPriority, limit, owner, lease.toMillis() + " milliseconds")
                .query(JdbcRevisions::map).list().stream()
                .sorted(Comparator.comparingInt(Revision::priority).thenComparing(Revision::dueAt))
                .toList();
    }

    @Override
    public void complete(long workspaceId, long listingId, long generation) {
        int deleted = jdbc.sql("delete from revision where workspace_id = ? and listing_id = ? and generation = ?")
                .params(workspaceId, listingId, generation).update();
        if (deleted == 0) {
            jdbc.sql("update revision set lease_owner = null, lease_until = null, attempts = 0 where workspace_id = ? and listing_id = ?")
                    .params(workspaceId, listingId).update();
        }
    }

    @Override
    public void completeAll(long workspaceId, java.util.Map<Long, Long> generationByListing) {
        if (generationByListing.isEmpty()) {
            return;
        }
        List<Long> ids = new java.util.ArrayList<>(new java.util.TreeSet<>(generationByListing.keySet()));
        int[][] deleted = jdbcTemplate.batchUpdate("delete from revision where workspace_id = ? and listing_id = ? and generation = ?",
                ids, 1000, (ps, id) -> {
                    ps.setLong(1, workspaceId);
                    ps.setLong(2, id);
                    ps.setLong(3, generationByListing.get(id));
                });
        List<Long> newer = new java.util.ArrayList<>();
        int i = 0;
        for (int[] chunk : deleted) {
            for (int count : chunk) {
                if (count == 0) {
                    newer.add(ids.get(i));
                }
                i++;
            }
        }
        if (!newer.isEmpty()) {
            jdbc.sql("update revision set lease_owner = null, lease_until = null, attempts = 0 where workspace_id = ? and listing_id = any(?)")
                    .params(workspaceId, newer.toArray(Long[]::new)).update();
        }
    }

    @Override
    public void retryLater(long workspaceId, long listingId, long generation, Duration delay) {
        jdbc.sql("""
                update revision set lease_owner = null, lease_until = null, attempts = attempts + 1,
                       due_at = now() + cast(? as interval)
                where workspace_id = ? and listing_id = ?""")
                .params(delay.toMillis() + " milliseconds", workspaceId, listingId).update();
    }

    @Override
    public void postpone(long workspaceId, long listingId, Duration delay) {
        jdbc.sql("""
                update revision set lease_owner = null, lease_until = null, due_at = now() + cast(? as interval)
                where workspace_id = ? and listing_id = ?""")
                .params(delay.toMillis() + " milliseconds", workspaceId, listingId).update();
    }

    @Override
    public void park(long workspaceId, long listingId, Duration until) {
        jdbc.sql("update revision set lease_owner = 'async-job', lease_until = now() + cast(? as interval) where workspace_id = ? and listing_id = ?")
                .params(until.toMillis() + " milliseconds", workspaceId, listingId).update();
    }

    @Override
    public void drop(long workspaceId, long listingId) {
        jdbc.sql("delete from revision where workspace_id = ? and listing_id = ?").params(workspaceId, listingId).update();
    }

    @Override
    public List<QueueStats> stats() {
        return jdbc.sql("""
                select workspace_id, account_id, count(*) as depth,
                       (extract(epoch from now() - min(first_changed_at)) * 1000)::bigint as oldest_ms
                from revision group by workspace_id, account_id""")
                .query((rs, n) -> new QueueStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), Duration.ofMillis(Math.max(0, rs.getLong(4)))))
                .list();
    }

    private static Revision map(ResultSet rs, int row) throws SQLException {
        Set<FieldKey> fields = Arrays.stream((String[]) rs.getArray("fields").getArray()).map(FieldKey::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FieldKey.class)));
        return new Revision(rs.getLong("workspace_id"), rs.getLong("listing_id"), rs.getLong("account_id"), fields,
                rs.getInt("priority"), rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("first_changed_at").toInstant(),
                rs.getLong("generation"), rs.getInt("attempts"));
    }
}
