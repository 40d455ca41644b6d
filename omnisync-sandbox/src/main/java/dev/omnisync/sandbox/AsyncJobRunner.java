package dev.omnisync.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Processes feeds and imports asynchronously like the channels do: QUEUED, then IN_PROGRESS after half the
 * processing delay, then DONE (or FAILED when the processing throws) after the full delay
 * ({@code omnisync.sandbox.processing-delay}, default 500ms).
 */
public final class AsyncJobRunner implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AsyncJob> jobs = new ConcurrentHashMap<>();
    private final SandboxSettings settings;
    /** Bumped by {@link #reset()}: jobs of an older generation are dropped, never applied. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();

    public AsyncJobRunner(SandboxSettings settings) {
        this.settings = settings;
    }

    /** Queues a job; {@code process} runs once, applies the changes and returns the channel's result. */
    public AsyncJob submit(AsyncJob job, Function<AsyncJob, Object> process) {
        jobs.put(job.id, job);
        int submittedIn = generation.get();
        long delay = Math.max(0, settings.processingDelay().toMillis());
        scheduler.schedule(() -> {
            job.started = Instant.now();
            job.state = AsyncJob.State.IN_PROGRESS;
        }, delay / 2, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> {
            if (generation.get() != submittedIn) {
                return;
            }
            try {
                job.result = process.apply(job);
                job.state = AsyncJob.State.DONE;
            } catch (RuntimeException e) {
                job.failure = e.getMessage();
                job.state = AsyncJob.State.FAILED;
            }
            if (job.started == null) {
                job.started = Instant.now();
            }
            job.finished = Instant.now();
        }, delay, TimeUnit.MILLISECONDS);
        return job;
    }

    public AsyncJob find(String id) {
        return jobs.get(id);
    }

    public Duration delay() {
        return settings.processingDelay();
    }

    /** Drops every job, pending ones included (they will not be applied). */
    public void reset() {
        generation.incrementAndGet();
        jobs.clear();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
