package dev.omnisync.console;

import dev.omnisync.workspace.WorkspaceId;

/** The workspace of the person signed in to the console (kept in the HTTP session). */
record SignedIn(WorkspaceId workspace) {

    static final String SESSION_ATTRIBUTE = SignedIn.class.getName();
}
