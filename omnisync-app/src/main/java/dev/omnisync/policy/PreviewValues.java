package dev.omnisync.policy;

import dev.omnisync.workspace.WorkspaceId;
import java.util.List;

/**
 * Fills a policy preview with what would actually be sent: per field, how many listings would be sent
 * something, and a sample of concrete before → after values. The sync engine implements this port (it
 * knows the listings' online values); without it a preview still counts and names the fields.
 */
public interface PreviewValues {

    /**
     * @param sampleListingIds listings to plan, at most a few thousand of the affected ones
     * @param affected         how many listings the change affects in all (counts are scaled to it)
     * @param newSync          the Synchronization Policy the listings would have, or null when it does not change
     * @param newSelling       the Selling Policy the listings would have, or null when it does not change
     */
    PolicyPreview withValues(WorkspaceId workspace, PolicyPreview preview, List<Long> sampleListingIds, long affected,
            SynchronizationPolicy newSync, SellingPolicy newSelling);

    /** How many affected listings a preview plans at most. */
    int SAMPLE_LIMIT = 2_000;
}
