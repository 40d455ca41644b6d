package dev.omnisync.sync;

import dev.omnisync.channel.Channel;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;

/** The engine's journal of decisions; written in batches, read newest first. */
public interface SyncLog {

    void record(List<SyncLogEntry> entries);

    List<SyncLogEntry> recent(WorkspaceId workspace, Query query);

    /** Filters of a read; null = any. */
    record Query(Long listingId, String sku, Channel channel, int limit) {

        public Query {
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("'limit' must be between 1 and 1000.");
            }
        }
    }
}
