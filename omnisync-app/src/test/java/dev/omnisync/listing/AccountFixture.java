package dev.omnisync.listing;

import dev.omnisync.channel.Channel;
import dev.omnisync.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts channel accounts straight into their table (the accounts API is built elsewhere). */
public record AccountFixture(JdbcClient jdbc) {

    public long account(WorkspaceId workspace, Channel channel) {
        return account(workspace, channel, channel.displayName() + " account");
    }

    public long account(WorkspaceId workspace, Channel channel, String name) {
        return jdbc.sql("insert into channel_account (workspace_id, channel, name, currency) values (?, ?, ?, 'EUR') returning account_id")
                .params(workspace.value(), channel.name(), name).query(Long.class).single();
    }
}
