package dev.omnisync.workspace;

/** The default workspace exists; {@code firstStart} tells whether it was created just now. */
public record DefaultWorkspaceReady(WorkspaceId workspace, boolean firstStart) {
}
