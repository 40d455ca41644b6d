package dev.omnisync.channel.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChannelAccounts implements ChannelAccounts {

    static final String COLUMNS = """
            workspace_id, account_id, channel, name, region, currency, create_store_orders, base_url,
            price_managed_by, sandbox, credentials is not null as has_credentials, created_at""";

    private final JdbcClient jdbc;

    JdbcChannelAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ChannelAccount> find(WorkspaceId workspace, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from channel_account where workspace_id = ? and account_id = ?")
                .params(workspace.value(), accountId).query(JdbcChannelAccounts::map).optional();
    }

    @Override
    public List<ChannelAccount> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from channel_account where workspace_id = ? order by account_id")
                .param(workspace.value()).query(JdbcChannelAccounts::map).list();
    }

    static ChannelAccount map(ResultSet rs, int row) throws SQLException {
        return new ChannelAccount(new WorkspaceId(rs.getLong("workspace_id")), rs.getLong("account_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("name"), rs.getString("region"),
                rs.getString("currency"), rs.getBoolean("create_store_orders"), rs.getString("base_url"),
                PriceOwner.valueOf(rs.getString("price_managed_by")), rs.getBoolean("sandbox"),
                rs.getBoolean("has_credentials"), rs.getTimestamp("created_at").toInstant());
    }
}
