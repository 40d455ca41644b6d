package dev.omnisync.order.persistence;

import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The built-in store's orders ({@code store_order}): one per channel order. */
@Repository
public class StoreOrderRows {

    private final JdbcClient jdbc;

    StoreOrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a store order per channel order (once; later lines join the same one); answers {@code SO-<n>} by order id. */
    public Map<Long, String> placed(WorkspaceId workspace, Collection<Long> orderIds) {
        Map<Long, String> refs = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return refs;
        }
        jdbc.sql("""
                insert into store_order (workspace_id, order_id)
                select ?, o from unnest(?::bigint[]) as o order by o
                on conflict (workspace_id, order_id) do update set state = 'PLACED', updated_at = now()
                returning order_id, store_order_id""")
                .params(workspace.value(), orderIds.stream().sorted().distinct().toArray(Long[]::new))
                .query((rs, n) -> refs.put(rs.getLong(1), "SO-" + rs.getLong(2))).list();
        return refs;
    }

    /** Marks store orders cancelled once none of their lines is still sold. */
    public void cancelIfNothingLeft(WorkspaceId workspace, Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update store_order s set state = 'CANCELLED', updated_at = now()
                where s.workspace_id = ? and s.order_id = any(?) and s.state <> 'CANCELLED'
                  and not exists (select 1 from channel_order_line l
                                  where l.workspace_id = s.workspace_id and l.order_id = s.order_id and l.stock = 'SOLD')""")
                .params(workspace.value(), orderIds.toArray(Long[]::new)).update();
    }
}
