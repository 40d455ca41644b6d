package dev.omnisync.sync.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.sync.SyncDecision;
import dev.omnisync.sync.SyncLog;
import dev.omnisync.sync.SyncLogEntry;
import dev.omnisync.sync.SyncSettings;
import dev.omnisync.workspace.WorkspaceId;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSyncLog implements SyncLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcSyncLog.class);

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final SyncSettings settings;

    JdbcSyncLog(JdbcTemplate jdbcTemplate, JdbcClient jdbc, SyncSettings settings) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public void record(List<SyncLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                insert into sync_log (workspace_id, listing_id, account_id, channel, sku, decision, fields, reasons,
                                      arithmetic, channel_response, latency_ms, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, 500, (PreparedStatement ps, SyncLogEntry e) -> {
            ps.setLong(1, e.workspaceId());
            setNullableLong(ps, 2, e.listingId());
            setNullableLong(ps, 3, e.accountId());
            ps.setString(4, e.channel() == null ? null : e.channel().name());
            ps.setString(5, e.sku());
            ps.setString(6, e.decision().name());
            ps.setArray(7, ps.getConnection().createArrayOf("text", e.fields().stream().map(Enum::name).sorted().toArray()));
            ps.setArray(8, ps.getConnection().createArrayOf("text", e.reasons().toArray()));
            ps.setString(9, e.arithmetic());
            ps.setString(10, truncate(e.channelResponse()));
            setNullableLong(ps, 11, e.latencyMillis());
            ps.setTimestamp(12, Timestamp.from(e.at() == null ? Instant.now() : e.at()));
        });
    }

    @Override
    public List<SyncLogEntry> recent(WorkspaceId workspace, Query query) {
        return jdbc.sql("""
                select * from sync_log
                where workspace_id = :ws
                  and (cast(:listing as bigint) is null or listing_id = :listing)
                  and (cast(:sku as text) is null or sku = :sku)
                  and (cast(:channel as text) is null or channel = :channel)
                order by log_id desc
                limit :limit""")
                .param("ws", workspace.value()).param("listing", query.listingId(), Types.BIGINT)
                .param("sku", query.sku(), Types.VARCHAR)
                .param("channel", query.channel() == null ? null : query.channel().name(), Types.VARCHAR)
                .param("limit", query.limit())
                .query(JdbcSyncLog::map).list();
    }

    /** Keeps the log bounded: entries older than the retention go, and so do the oldest beyond the row cap. */
    @Scheduled(fixedDelayString = "${omnisync.sync.log-retention-check:10m}", initialDelayString = "1m")
    void enforceRetention() {
        int aged = jdbc.sql("delete from sync_log where at < now() - cast(? as interval)")
                .param(settings.logRetention().toSeconds() + " seconds").update();
        int capped = jdbc.sql("""
                delete from sync_log s using (
                  select workspace_id, log_id from (
                    select workspace_id, log_id,
                           row_number() over (partition by workspace_id order by log_id desc) as newest
                    from sync_log) ranked
                  where newest > ?) old
                where s.workspace_id = old.workspace_id and s.log_id = old.log_id""")
                .param(settings.logMaxRowsPerWorkspace()).update();
        if (aged + capped > 0) {
            log.info("Sync log retention removed {} aged and {} surplus entries", aged, capped);
        }
    }

    private static SyncLogEntry map(ResultSet rs, int row) throws SQLException {
        return new SyncLogEntry(rs.getLong("workspace_id"), nullableLong(rs, "listing_id"), nullableLong(rs, "account_id"),
                rs.getString("channel") == null ? null : Channel.valueOf(rs.getString("channel")), rs.getString("sku"),
                SyncDecision.valueOf(rs.getString("decision")), fieldKeys(rs.getArray("fields")),
                Arrays.asList((String[]) rs.getArray("reasons").getArray()), rs.getString("arithmetic"),
                rs.getString("channel_response"), nullableLong(rs, "latency_ms"), rs.getTimestamp("at").toInstant());
    }

    private static Set<FieldKey> fieldKeys(Array array) throws SQLException {
        String[] names = (String[]) array.getArray();
        return names.length == 0 ? Set.of()
                : Arrays.stream(names).map(FieldKey::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(FieldKey.class)));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String truncate(String response) {
        return response == null || response.length() <= 4000 ? response : response.substring(0, 4000) + "…";
    }
}
