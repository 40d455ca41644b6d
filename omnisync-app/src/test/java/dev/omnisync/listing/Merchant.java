package dev.omnisync.listing;

import dev.omnisync.support.ApiClient;
import dev.omnisync.workspace.IssuedToken;
import dev.omnisync.workspace.WorkspaceId;
import dev.omnisync.workspace.Workspaces;
import java.util.UUID;

/** A fresh workspace of a test's own, with its id (for fixtures) and an API client holding its token. */
public record Merchant(WorkspaceId workspace, ApiClient api) {

    public static Merchant create(int port, Workspaces workspaces) {
        IssuedToken issued = workspaces.create("test-" + UUID.randomUUID());
        return new Merchant(issued.workspace(), new ApiClient(port, issued.token()));
    }
}
