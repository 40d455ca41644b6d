package dev.omnisync.policy;

import dev.omnisync.channel.Channel;
import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workspace's Selling Policies. */
public interface SellingPolicies {

    /** Stores a new policy; its name must be new for its channel. */
    PolicyOutcome<SellingPolicy> create(WorkspaceId workspace, SellingPolicy draft);

    List<SellingPolicy> all(WorkspaceId workspace, Optional<Channel> channel);

    Optional<SellingPolicy> find(WorkspaceId workspace, long policyId);

    Map<Long, SellingPolicy> findAll(WorkspaceId workspace, Collection<Long> policyIds);

    /** The channel's default policy (values unchanged), created on first use; safe under concurrent first uses. */
    SellingPolicy defaultFor(WorkspaceId workspace, Channel channel);

    /** What the edit would change; empty when there is no such policy. Changes nothing. */
    Optional<PolicyPreview> preview(WorkspaceId workspace, SellingPolicy edited);

    /**
     * Applies an edit. When listings use the policy (even for a rename: the user sees what it touches), it is applied only
     * when {@code confirmed}; otherwise the answer is the preview and nothing changes. An applied edit
     * publishes {@link SellingPolicyChanged}.
     */
    PolicyOutcome<SellingPolicy> edit(WorkspaceId workspace, SellingPolicy edited, boolean confirmed);

    /** Removes a policy no listing uses. */
    PolicyOutcome<SellingPolicy> remove(WorkspaceId workspace, long policyId);

    /** Listings per policy id, for the given policies. */
    Map<Long, Long> usage(WorkspaceId workspace, Collection<Long> policyIds);
}
