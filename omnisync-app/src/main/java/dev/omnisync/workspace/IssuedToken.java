package dev.omnisync.workspace;

/** A freshly issued API token: the only moment its plain value exists outside the caller's hands. */
public record IssuedToken(WorkspaceId workspace, String token) {

    @Override
    public String toString() {
        return "IssuedToken[workspace=" + workspace + ", token=<redacted>]";
    }
}
