package dev.omnisync.policy;

import dev.omnisync.workspace.WorkspaceId;

/** A Selling Policy was edited: its listings' values may change (the sync engine re-plans). */
public record SellingPolicyChanged(WorkspaceId workspace, long policyId, long version) {
}
