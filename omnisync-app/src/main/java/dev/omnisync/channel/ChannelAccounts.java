package dev.omnisync.channel;

import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** The workspace's channel accounts. */
public interface ChannelAccounts {

    Optional<ChannelAccount> find(WorkspaceId workspace, long accountId);

    List<ChannelAccount> all(WorkspaceId workspace);
}
