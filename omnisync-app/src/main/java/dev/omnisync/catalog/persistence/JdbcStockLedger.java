package dev.omnisync.catalog.persistence;

import dev.omnisync.catalog.StockLedger;
import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStockLedger implements StockLedger {

    private final JdbcClient jdbc;

    JdbcStockLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Stock> stock(WorkspaceId workspace, Collection<String> skus) {
        Map<String, Stock> stock = new HashMap<>();
        if (skus.isEmpty()) {
            return stock;
        }
        jdbc.sql("""
                select p.sku, p.on_hand, p.reserved from unnest(:skus::text[]) as s(sku)
                cross join lateral (select sku, on_hand, reserved from product where workspace_id = :ws and sku = s.sku offset 0) p""")
                .param("ws", workspace.value()).param("skus", skus.toArray(String[]::new))
                .query((rs, n) -> stock.put(rs.getString(1), new Stock(rs.getInt(2), rs.getInt(3)))).list();
        return stock;
    }
}
