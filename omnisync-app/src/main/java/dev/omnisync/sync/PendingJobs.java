package dev.omnisync.sync;

import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.PendingJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous submissions (feeds, imports, price tasks) stored until the channel reports each item's
 * result, so a restart resumes polling where it stopped. Each item keeps the revision generation and the
 * fingerprints of what was sent: accepted values become online values exactly as they were sent.
 */
@Component
class PendingJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PendingJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One item of a stored job. */
    record TrackedItem(long listingId, long generation, Instant firstChangedAt, int attempts, Set<FieldKey> fields,
            Map<FieldKey, String> fingerprints) {
    }

    /** A stored job with its items. */
    record Tracked(long workspaceId, long jobId, long accountId, PendingJob job, List<TrackedItem> items) {
    }

    void track(ChannelAccount account, PendingJob job, Map<Long, Revision> byListing, Map<Long, Map<FieldKey, String>> sent) {
        List<TrackedItem> items = job.items().stream().map(i -> {
            Revision r = byListing.get(i.listingId());
            return new TrackedItem(i.listingId(), r.generation(), r.firstChangedAt(), r.attempts(), i.fields(),
                    sent.getOrDefault(i.listingId(), Map.of()));
        }).toList();
        jdbc.sql("""
                insert into pending_job (workspace_id, account_id, channel_job, job_kind, items, next_poll_at)
                values (?, ?, ?, ?, cast(? as jsonb), now() + cast(? as interval))""")
                .params(account.workspace().value(), account.id(), JSON.writeValueAsString(job),
                        job.submissions().isEmpty() ? "job" : job.submissions().get(0).kind(),
                        JSON.writeValueAsString(items), Math.max(200, job.pollAfter().toMillis()) + " milliseconds")
                .update();
    }

    /** Jobs due for a poll, leased for a minute so that two instances never poll the same job at once. */
    List<Tracked> claimDue(int limit) {
        return jdbc.sql("""
                with due as (
                  select workspace_id, job_id from pending_job where next_poll_at <= now()
                  order by next_poll_at limit ? for update skip locked)
                update pending_job p set next_poll_at = now() + interval '1 minute'
                from due where p.workspace_id = due.workspace_id and p.job_id = due.job_id
                returning p.workspace_id, p.job_id, p.account_id, p.channel_job, p.items""")
                .param(limit)
                .query((rs, n) -> new Tracked(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        JSON.readValue(rs.getString(4), PendingJob.class),
                        List.of(JSON.readValue(rs.getString(5), TrackedItem[].class))))
                .list();
    }

    /** Keeps only the items still pending and polls again after the delay; removes the job when none is left. */
    void remaining(Tracked job, List<TrackedItem> stillPending, Duration pollAgainAfter) {
        if (stillPending.isEmpty()) {
            jdbc.sql("delete from pending_job where workspace_id = ? and job_id = ?").params(job.workspaceId(), job.jobId()).update();
            return;
        }
        jdbc.sql("update pending_job set items = cast(? as jsonb), next_poll_at = now() + cast(? as interval) where workspace_id = ? and job_id = ?")
                .params(JSON.writeValueAsString(stillPending), pollAgainAfter.toMillis() + " milliseconds", job.workspaceId(), job.jobId())
                .update();
    }
}
