package dev.omnisync.channel.persistence;

import dev.omnisync.channel.AccountChanges;
import dev.omnisync.channel.AccountRemoval;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.CredentialVault;
import dev.omnisync.channel.NewChannelAccount;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcChannelAccounts implements ChannelAccounts {

    static final String COLUMNS = """
            workspace_id, account_id, channel, name, region, currency, create_store_orders, base_url,
            price_managed_by, sandbox, credentials is not null as has_credentials, created_at""";

    private final JdbcClient jdbc;
    private final CredentialVault vault;

    JdbcChannelAccounts(JdbcClient jdbc, CredentialVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
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

    @Override
    public List<ChannelAccount> allOn(Channel channel) {
        return jdbc.sql("select " + COLUMNS + " from channel_account where channel = ? order by workspace_id, account_id")
                .param(channel.name()).query(JdbcChannelAccounts::map).list();
    }

    @Override
    @Transactional
    public ChannelAccount register(WorkspaceId workspace, NewChannelAccount account) {
        long id = jdbc.sql("""
                insert into channel_account (workspace_id, channel, name, region, currency, create_store_orders, base_url, sandbox)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning account_id""")
                .params(workspace.value(), account.channel().name(), account.name(), account.region(), account.currency(),
                        account.createStoreOrders(), account.baseUrl(), account.sandbox())
                .query(Long.class).single();
        if (!account.credentials().isEmpty()) {
            storeCredentials(workspace, id, account.credentials());
        }
        return find(workspace, id).orElseThrow();
    }

    @Override
    @Transactional
    public Optional<ChannelAccount> change(WorkspaceId workspace, long accountId, AccountChanges changes) {
        int updated = jdbc.sql("""
                update channel_account set
                  name = coalesce(:name, name),
                  region = coalesce(:region, region),
                  currency = coalesce(:currency, currency),
                  create_store_orders = coalesce(:createStoreOrders, create_store_orders),
                  base_url = coalesce(:baseUrl, base_url),
                  price_managed_by = coalesce(:priceManagedBy, price_managed_by),
                  updated_at = now()
                where workspace_id = :ws and account_id = :id""")
                .param("name", changes.name()).param("region", changes.region()).param("currency", changes.currency())
                .param("createStoreOrders", changes.createStoreOrders()).param("baseUrl", changes.baseUrl())
                .param("priceManagedBy", changes.priceManagedBy() == null ? null : changes.priceManagedBy().name())
                .param("ws", workspace.value()).param("id", accountId)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        if (changes.credentials() != null) {
            storeCredentials(workspace, accountId, changes.credentials());
        }
        return find(workspace, accountId);
    }

    @Override
    public AccountRemoval remove(WorkspaceId workspace, long accountId) {
        // One autocommitted statement: a foreign-key refusal must not leave a transaction aborted behind it.
        try {
            int deleted = jdbc.sql("delete from channel_account where workspace_id = ? and account_id = ?")
                    .params(workspace.value(), accountId).update();
            return deleted == 0 ? new AccountRemoval.NotFound(accountId) : new AccountRemoval.Removed(accountId);
        } catch (DataIntegrityViolationException e) {
            return new AccountRemoval.StillInUse(accountId);
        }
    }

    @Override
    public Map<String, String> credentialsOf(WorkspaceId workspace, long accountId) {
        return jdbc.sql("select credentials from channel_account where workspace_id = ? and account_id = ? and credentials is not null")
                .params(workspace.value(), accountId)
                .query((rs, n) -> vault.open(workspace.value(), accountId, rs.getBytes(1)))
                .optional().orElse(Map.of());
    }

    private void storeCredentials(WorkspaceId workspace, long accountId, Map<String, String> credentials) {
        jdbc.sql("update channel_account set credentials = ?, updated_at = now() where workspace_id = ? and account_id = ?")
                .params(credentials.isEmpty() ? null : vault.seal(workspace.value(), accountId, credentials),
                        workspace.value(), accountId)
                .update();
    }

    static ChannelAccount map(ResultSet rs, int row) throws SQLException {
        return new ChannelAccount(new WorkspaceId(rs.getLong("workspace_id")), rs.getLong("account_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("name"), rs.getString("region"),
                rs.getString("currency"), rs.getBoolean("create_store_orders"), rs.getString("base_url"),
                PriceOwner.valueOf(rs.getString("price_managed_by")), rs.getBoolean("sandbox"),
                rs.getBoolean("has_credentials"), rs.getTimestamp("created_at").toInstant());
    }
}
