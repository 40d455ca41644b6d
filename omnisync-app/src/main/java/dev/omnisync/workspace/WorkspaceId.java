package dev.omnisync.workspace;

/**
 * One merchant's workspace. Controllers receive it as a parameter, resolved from the request's bearer
 * token; a token sees nothing outside its workspace.
 */
public record WorkspaceId(long value) {

    public WorkspaceId {
        if (value <= 0) {
            throw new IllegalArgumentException("workspace id must be positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
