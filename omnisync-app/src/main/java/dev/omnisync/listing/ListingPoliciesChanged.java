package dev.omnisync.listing;

import dev.omnisync.workspace.WorkspaceId;

/**
 * A bulk policy change moved listings to another policy (or an undo moved them back): the planner
 * re-plans the listings recorded under {@code changeId}.
 */
public record ListingPoliciesChanged(WorkspaceId workspace, long changeId, PolicyKind kind, long listings, boolean undo) {
}
