package dev.omnisync.policy;

import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How many listings use each policy. The listing module implements this port, so that policies can tell
 * how many listings an edit affects (and refuse deletion of a policy in use) without depending on listings.
 */
public interface PolicyUsage {

    /** Listings per synchronization policy id; policies no listing uses are absent. */
    Map<Long, Long> listingsPerSyncPolicy(WorkspaceId workspace, Collection<Long> policyIds);

    /** Listings per selling policy id; policies no listing uses are absent. */
    Map<Long, Long> listingsPerSellingPolicy(WorkspaceId workspace, Collection<Long> policyIds);

    /** Up to {@code limit} listings using the synchronization policy (samples for previews). */
    List<Long> someListingsUsingSyncPolicy(WorkspaceId workspace, long policyId, int limit);

    /** Up to {@code limit} listings using the selling policy (samples for previews). */
    List<Long> someListingsUsingSellingPolicy(WorkspaceId workspace, long policyId, int limit);
}
