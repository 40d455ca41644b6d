package dev.omnisync.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives the engine in this process: plans changes as they arrive and hands due accounts to the
 * dispatcher. Several instances may run against one database; claims and leases keep them apart.
 */
@Component
@ConditionalOnProperty(name = "omnisync.sync.enabled", havingValue = "true", matchIfMissing = true)
class SyncEngine {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final Planner planner;
    private final Dispatcher dispatcher;

    SyncEngine(Planner planner, Dispatcher dispatcher) {
        this.planner = planner;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${omnisync.sync.poll-interval:100ms}")
    void plan() {
        try {
            while (planner.planProductChanges() > 0 || planner.planRequestedListings() > 0) {
                // keep going while changes arrive faster than one chunk
            }
        } catch (RuntimeException e) {
            log.error("Planning failed; the change records stay queued and are planned on the next round", e);
        }
    }

    @Scheduled(fixedDelayString = "${omnisync.sync.poll-interval:100ms}")
    void dispatch() {
        try {
            dispatcher.dispatchDueAccounts();
        } catch (RuntimeException e) {
            log.error("Dispatch round failed; revisions stay queued", e);
        }
    }

    @Scheduled(fixedDelayString = "${omnisync.sync.async-poll-interval:500ms}")
    void pollAsyncResults() {
        try {
            dispatcher.pollAsyncResults();
        } catch (RuntimeException e) {
            log.error("Polling asynchronous results failed; the jobs stay stored", e);
        }
    }
}
