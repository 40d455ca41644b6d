package dev.omnisync.console;

import dev.omnisync.listing.BulkChangeOutcome;
import dev.omnisync.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs confirmed bulk changes off the request thread, so the page can show progress (htmx polls) instead of
 * a request that hangs on a large selection. Jobs are kept in memory for an hour: they are only the page's
 * view of the change; the change itself is recorded by the listing module (and undone through it).
 */
@Component
class BulkJobs implements DisposableBean {

    private static final Duration KEPT = Duration.ofHours(1);

    record Job(String id, WorkspaceId workspace, String description, long selected, Instant startedAt, Instant endedAt,
            BulkChangeOutcome outcome, String failure) {

        boolean done() {
            return endedAt != null;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-bulk");
        t.setDaemon(true);
        return t;
    });

    Job start(WorkspaceId workspace, String description, long selected, Supplier<BulkChangeOutcome> work) {
        Instant now = Instant.now();
        jobs.values().removeIf(j -> j.done() && j.endedAt().isBefore(now.minus(KEPT)));
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, workspace, description, selected, now, null, null, null);
        jobs.put(id, job);
        executor.submit(() -> {
            try {
                BulkChangeOutcome outcome = work.get();
                jobs.put(id, new Job(id, workspace, description, selected, now, Instant.now(), outcome, null));
            } catch (RuntimeException e) {
                jobs.put(id, new Job(id, workspace, description, selected, now, Instant.now(), null,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        });
        return job;
    }

    Optional<Job> find(WorkspaceId workspace, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.workspace().equals(workspace));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
