package dev.omnisync.channel;

import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workspace's channel accounts. Credentials go in sealed and come out only through {@link #credentialsOf}. */
public interface ChannelAccounts {

    Optional<ChannelAccount> find(WorkspaceId workspace, long accountId);

    List<ChannelAccount> all(WorkspaceId workspace);

    /** Every account of every workspace on one channel, e.g. for order polling. */
    List<ChannelAccount> allOn(Channel channel);

    ChannelAccount register(WorkspaceId workspace, NewChannelAccount account);

    Optional<ChannelAccount> change(WorkspaceId workspace, long accountId, AccountChanges changes);

    AccountRemoval remove(WorkspaceId workspace, long accountId);

    /** The decrypted credentials, for the account's connector only. Never log or return them. */
    Map<String, String> credentialsOf(WorkspaceId workspace, long accountId);

    /** What the account's connector needs to talk to the channel, credentials opened. The account needs a base URL. */
    default dev.omnisync.channel.spi.ConnectorAccount connectorAccountOf(ChannelAccount account) {
        if (account.baseUrl() == null) {
            throw new IllegalStateException("account " + account.id() + " has no base URL");
        }
        return new dev.omnisync.channel.spi.ConnectorAccount(account.id(), account.channel(), account.baseUrl(), account.region(),
                account.currency(), credentialsOf(account.workspace(), account.id()));
    }
}
