/**
 * Workspaces (one merchant each: store, channel accounts, policies, listings, orders) and the bearer
 * tokens that open them. Every other module scopes its data by {@link dev.omnisync.workspace.WorkspaceId}.
 */
package dev.omnisync.workspace;
