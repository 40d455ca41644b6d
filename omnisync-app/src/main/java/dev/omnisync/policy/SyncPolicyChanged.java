package dev.omnisync.policy;

import dev.omnisync.workspace.WorkspaceId;

/** A Synchronization Policy was edited: its listings' planned work may change (the sync engine re-plans). */
public record SyncPolicyChanged(WorkspaceId workspace, long policyId, long version) {
}
