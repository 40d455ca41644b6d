package dev.omnisync.sandbox;

import java.time.Instant;

/** A feed / import being processed: state and, once finished, the channel-specific result. */
public final class AsyncJob {

    public enum State { QUEUED, IN_PROGRESS, DONE, FAILED }

    public final String id;
    public final Instant created = Instant.now();
    public volatile Instant started;
    public volatile Instant finished;
    public volatile State state = State.QUEUED;
    public volatile Object result;
    public volatile String failure;
    /** What was submitted (channel-specific), kept for the channel's status answers. */
    public final Object input;

    public AsyncJob(String id, Object input) {
        this.id = id;
        this.input = input;
    }
}
