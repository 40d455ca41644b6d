package dev.omnisync.order.persistence;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.order.ImportedOrder;
import dev.omnisync.workspace.WorkspaceId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code channel_order}, {@code channel_order_line} and {@code order_cursor}, set-based. Rows are always written in
 * key order, so concurrent imports of the same orders (webhook and poll) wait for each other instead of deadlocking;
 * the first one stores a line, the others find it stored.
 */
@Repository
public class OrderRows {

    private final JdbcClient jdbc;

    OrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A line's identity within one account. */
    public record LineKey(String channelOrderId, String lineId) {
    }

    /** A stored line. */
    public record StoredLine(LineKey key, long orderId, String sku, int quantity, ChannelOrder.OrderState status, String stock,
            String orderRef) {
    }

    /** A line to insert. */
    public record NewLine(LineKey key, long orderId, String sku, int quantity, BigDecimal unitPrice,
            ChannelOrder.OrderState status, String stock, String orderRef) {
    }

    /** A compare-and-set of a line's status and stock. */
    public record LineChange(LineKey key, ChannelOrder.OrderState fromStatus, String fromStock, ChannelOrder.OrderState toStatus,
            String toStock) {
    }

    private static final String RANK = "(case %s when 'OPEN' then 0 when 'SHIPPED' then 1 else 2 end)";

    /**
     * Inserts the orders not stored yet and moves the stored ones' state forward (never back); locks every row
     * until the transaction ends. Answers Omnisync's order id by channel order id.
     */
    public Map<String, Long> upsertOrders(WorkspaceId workspace, long accountId, Channel channel, List<ChannelOrder> orders) {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (orders.isEmpty()) {
            return ids;
        }
        Map<String, ChannelOrder> byId = new java.util.TreeMap<>();
        orders.forEach(o -> byId.merge(o.channelOrderId(), o, (a, b) -> a.changedAt().isAfter(b.changedAt()) ? a : b));
        List<ChannelOrder> sorted = List.copyOf(byId.values());
        jdbc.sql("""
                insert into channel_order (workspace_id, account_id, channel, channel_order_id, state, currency, channel_changed_at)
                select :ws, :account, :channel, t.id, t.state, t.currency, t.changed::timestamptz
                from unnest(:ids::text[], :states::text[], :currencies::text[], :changed::text[]) with ordinality
                     as t(id, state, currency, changed, n)
                order by t.n
                on conflict (workspace_id, account_id, channel_order_id) do update set
                    state = case when %s > %s then excluded.state else channel_order.state end,
                    currency = coalesce(channel_order.currency, excluded.currency),
                    channel_changed_at = greatest(channel_order.channel_changed_at, excluded.channel_changed_at),
                    updated_at = now()
                returning channel_order_id, order_id""".formatted(RANK.formatted("excluded.state"), RANK.formatted("channel_order.state")))
                .param("ws", workspace.value()).param("account", accountId).param("channel", channel.name())
                .param("ids", sorted.stream().map(ChannelOrder::channelOrderId).toArray(String[]::new))
                .param("states", sorted.stream().map(o -> o.state().name()).toArray(String[]::new))
                .param("currencies", sorted.stream().map(ChannelOrder::currency).toArray(String[]::new))
                .param("changed", sorted.stream().map(o -> o.changedAt() == null ? null : o.changedAt().toString()).toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    /** The stored lines of these orders, locked (in key order) until the transaction ends. */
    public Map<LineKey, StoredLine> lockLines(WorkspaceId workspace, long accountId, Collection<String> channelOrderIds) {
        Map<LineKey, StoredLine> lines = new LinkedHashMap<>();
        if (channelOrderIds.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                select channel_order_id, line_id, order_id, sku, quantity, status, stock, order_ref from channel_order_line
                where workspace_id = ? and account_id = ? and channel_order_id = any(?)
                order by channel_order_id, line_id for update""")
                .params(workspace.value(), accountId, channelOrderIds.toArray(String[]::new))
                .query((rs, n) -> lines.put(new LineKey(rs.getString(1), rs.getString(2)), stored(rs))).list();
        return lines;
    }

    /** Inserts lines not stored yet; answers the keys really inserted (a line is stored once, whoever comes first). */
    public Set<LineKey> insertLines(WorkspaceId workspace, long accountId, List<NewLine> lines) {
        Set<LineKey> inserted = new HashSet<>();
        if (lines.isEmpty()) {
            return inserted;
        }
        List<NewLine> sorted = lines.stream().sorted(Comparator.comparing((NewLine l) -> l.key().channelOrderId())
                .thenComparing(l -> l.key().lineId())).toList();
        jdbc.sql("""
                insert into channel_order_line (workspace_id, account_id, channel_order_id, line_id, order_id, sku, quantity,
                    unit_price, status, stock, order_ref)
                select :ws, :account, t.oid, t.lid, t.order_id, t.sku, t.qty, t.price::numeric, t.status, t.stock, t.ref
                from unnest(:oids::text[], :lids::text[], :orderIds::bigint[], :skus::text[], :qtys::int[], :prices::text[],
                            :statuses::text[], :stocks::text[], :refs::text[]) with ordinality
                     as t(oid, lid, order_id, sku, qty, price, status, stock, ref, n)
                order by t.n
                on conflict do nothing
                returning channel_order_id, line_id""")
                .param("ws", workspace.value()).param("account", accountId)
                .param("oids", sorted.stream().map(l -> l.key().channelOrderId()).toArray(String[]::new))
                .param("lids", sorted.stream().map(l -> l.key().lineId()).toArray(String[]::new))
                .param("orderIds", sorted.stream().map(NewLine::orderId).toArray(Long[]::new))
                .param("skus", sorted.stream().map(NewLine::sku).toArray(String[]::new))
                .param("qtys", sorted.stream().map(NewLine::quantity).toArray(Integer[]::new))
                .param("prices", sorted.stream().map(l -> l.unitPrice() == null ? null : l.unitPrice().toPlainString()).toArray(String[]::new))
                .param("statuses", sorted.stream().map(l -> l.status().name()).toArray(String[]::new))
                .param("stocks", sorted.stream().map(NewLine::stock).toArray(String[]::new))
                .param("refs", sorted.stream().map(NewLine::orderRef).toArray(String[]::new))
                .query((rs, n) -> inserted.add(new LineKey(rs.getString(1), rs.getString(2)))).list();
        return inserted;
    }

    /** Applies each change only where the line still has its expected status and stock; answers the keys changed. */
    public Set<LineKey> compareAndSet(WorkspaceId workspace, long accountId, List<LineChange> changes) {
        Set<LineKey> applied = new HashSet<>();
        if (changes.isEmpty()) {
            return applied;
        }
        jdbc.sql("""
                update channel_order_line l set status = t.to_status, stock = t.to_stock, updated_at = now()
                from unnest(:oids::text[], :lids::text[], :fromStatus::text[], :fromStock::text[], :toStatus::text[], :toStock::text[])
                     as t(oid, lid, from_status, from_stock, to_status, to_stock)
                where l.workspace_id = :ws and l.account_id = :account and l.channel_order_id = t.oid and l.line_id = t.lid
                  and l.status = t.from_status and l.stock = t.from_stock
                returning l.channel_order_id, l.line_id""")
                .param("ws", workspace.value()).param("account", accountId)
                .param("oids", changes.stream().map(c -> c.key().channelOrderId()).toArray(String[]::new))
                .param("lids", changes.stream().map(c -> c.key().lineId()).toArray(String[]::new))
                .param("fromStatus", changes.stream().map(c -> c.fromStatus().name()).toArray(String[]::new))
                .param("fromStock", changes.stream().map(LineChange::fromStock).toArray(String[]::new))
                .param("toStatus", changes.stream().map(c -> c.toStatus().name()).toArray(String[]::new))
                .param("toStock", changes.stream().map(LineChange::toStock).toArray(String[]::new))
                .query((rs, n) -> applied.add(new LineKey(rs.getString(1), rs.getString(2)))).list();
        return applied;
    }

    /** The account's lines still waiting for a store order (reserved, not cancelled), locked; skips lines another run holds. */
    public List<StoredLine> lockReserved(WorkspaceId workspace, long accountId, int limit) {
        return jdbc.sql("""
                select channel_order_id, line_id, order_id, sku, quantity, status, stock, order_ref from channel_order_line
                where workspace_id = ? and account_id = ? and stock = 'RESERVED' and status in ('OPEN', 'SHIPPED')
                order by channel_order_id, line_id limit ? for update skip locked""")
                .params(workspace.value(), accountId, limit).query((rs, n) -> stored(rs)).list();
    }

    /** The workspace an account belongs to (webhooks name only the account). */
    public Optional<WorkspaceId> workspaceOfAccount(long accountId) {
        return jdbc.sql("select workspace_id from channel_account where account_id = ?").param(accountId)
                .query(Long.class).optional().map(WorkspaceId::new);
    }

    public Optional<Instant> cursor(WorkspaceId workspace, long accountId) {
        return jdbc.sql("select changed_since from order_cursor where workspace_id = ? and account_id = ?")
                .params(workspace.value(), accountId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Saves the cursor; it only ever moves forward. */
    public void saveCursor(WorkspaceId workspace, long accountId, Instant changedSince) {
        jdbc.sql("""
                insert into order_cursor (workspace_id, account_id, changed_since) values (?, ?, ?)
                on conflict (workspace_id, account_id) do update
                set changed_since = greatest(order_cursor.changed_since, excluded.changed_since), polled_at = now()""")
                .params(workspace.value(), accountId, Timestamp.from(changedSince)).update();
    }

    // ---- reads for the API

    public List<ImportedOrder> list(WorkspaceId workspace, Long accountId, Channel channel, int limit) {
        StringBuilder where = new StringBuilder("o.workspace_id = :ws");
        if (accountId != null) {
            where.append(" and o.account_id = :account");
        }
        if (channel != null) {
            where.append(" and o.channel = :channel");
        }
        var statement = jdbc.sql(ORDERS + " where " + where + " order by o.order_id desc limit :limit")
                .param("ws", workspace.value()).param("limit", limit);
        if (accountId != null) {
            statement = statement.param("account", accountId);
        }
        if (channel != null) {
            statement = statement.param("channel", channel.name());
        }
        return withLines(workspace, statement.query((rs, n) -> order(rs)).list());
    }

    public Optional<ImportedOrder> find(WorkspaceId workspace, long orderId) {
        List<ImportedOrder> found = jdbc.sql(ORDERS + " where o.workspace_id = :ws and o.order_id = :id")
                .param("ws", workspace.value()).param("id", orderId).query((rs, n) -> order(rs)).list();
        return withLines(workspace, found).stream().findFirst();
    }

    private static final String ORDERS = """
            select o.order_id, o.account_id, o.channel, o.channel_order_id, o.state, o.currency, o.channel_changed_at,
                   o.imported_at, o.updated_at, s.store_order_id, s.state as store_state
            from channel_order o
            left join store_order s on s.workspace_id = o.workspace_id and s.order_id = o.order_id""";

    private List<ImportedOrder> withLines(WorkspaceId workspace, List<ImportedOrder> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<Long, List<ImportedOrder.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                select order_id, line_id, sku, quantity, unit_price, status, stock, order_ref from channel_order_line
                where workspace_id = ? and order_id = any(?) order by order_id, line_id""")
                .params(workspace.value(), orders.stream().map(ImportedOrder::id).toArray(Long[]::new))
                .query((rs, n) -> lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ImportedOrder.Line(
                        rs.getString(2), rs.getString(3), rs.getInt(4), money(rs.getBigDecimal(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8))))
                .list();
        return orders.stream().map(o -> new ImportedOrder(o.id(), o.accountId(), o.channel(), o.channelOrderId(), o.state(),
                o.currency(), o.channelChangedAt(), o.importedAt(), o.updatedAt(), o.storeOrder(), o.storeOrderState(),
                lines.getOrDefault(o.id(), List.of()))).toList();
    }

    private static ImportedOrder order(ResultSet rs) throws SQLException {
        long storeOrder = rs.getLong("store_order_id");
        boolean noStoreOrder = rs.wasNull();
        return new ImportedOrder(rs.getLong("order_id"), rs.getLong("account_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("channel_order_id"), rs.getString("state"), rs.getString("currency"),
                instant(rs.getTimestamp("channel_changed_at")), instant(rs.getTimestamp("imported_at")),
                instant(rs.getTimestamp("updated_at")), noStoreOrder ? null : "SO-" + storeOrder,
                rs.getString("store_state"), List.of());
    }

    private static StoredLine stored(ResultSet rs) throws SQLException {
        return new StoredLine(new LineKey(rs.getString("channel_order_id"), rs.getString("line_id")), rs.getLong("order_id"),
                rs.getString("sku"), rs.getInt("quantity"), ChannelOrder.OrderState.valueOf(rs.getString("status")),
                rs.getString("stock"), rs.getString("order_ref"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static BigDecimal money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
