package dev.omnisync.policy;

import dev.omnisync.channel.Channel;
import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workspace's Synchronization Policies. */
public interface SyncPolicies {

    /** Stores a new policy ({@link SynchronizationPolicy#draft}); its name must be new for its channel. */
    PolicyOutcome<SynchronizationPolicy> create(WorkspaceId workspace, SynchronizationPolicy draft);

    List<SynchronizationPolicy> all(WorkspaceId workspace, Optional<Channel> channel);

    Optional<SynchronizationPolicy> find(WorkspaceId workspace, long policyId);

    Map<Long, SynchronizationPolicy> findAll(WorkspaceId workspace, Collection<Long> policyIds);

    /** The channel's default policy (price and quantity), created on first use; safe under concurrent first uses. */
    SynchronizationPolicy defaultFor(WorkspaceId workspace, Channel channel);

    /** What the edit would change; empty when there is no such policy. Changes nothing. */
    Optional<PolicyPreview> preview(WorkspaceId workspace, SynchronizationPolicy edited);

    /**
     * Applies an edit. When listings use the policy (even for a rename: the user sees what it touches), it is applied only
     * when {@code confirmed}; otherwise the answer is the preview and nothing changes. An applied edit
     * publishes {@link SyncPolicyChanged}.
     */
    PolicyOutcome<SynchronizationPolicy> edit(WorkspaceId workspace, SynchronizationPolicy edited, boolean confirmed);

    /** Removes a policy no listing uses. */
    PolicyOutcome<SynchronizationPolicy> remove(WorkspaceId workspace, long policyId);

    /** Listings per policy id, for the given policies. */
    Map<Long, Long> usage(WorkspaceId workspace, Collection<Long> policyIds);
}
