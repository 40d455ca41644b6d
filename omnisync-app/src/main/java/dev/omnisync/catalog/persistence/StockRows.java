package dev.omnisync.catalog.persistence;

import dev.omnisync.catalog.StockLedger;
import dev.omnisync.catalog.StockMove;
import dev.omnisync.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's tables ({@code stock_reservation}, {@code stock_sale}) and its stock columns of {@code product}.
 * Keys are written in a fixed order (by reference, then products by SKU) so that concurrent ledger
 * transactions wait for each other instead of deadlocking; the primary keys make every move happen once.
 */
@Repository
public class StockRows {

    private final JdbcClient jdbc;
    private final ProductRows products;

    StockRows(JdbcClient jdbc, ProductRows products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    /** Inserts the reservations not there yet, for SKUs that exist; answers those inserted. */
    public List<StockMove> insertReservations(WorkspaceId workspace, List<StockMove> moves) {
        if (moves.isEmpty()) {
            return List.of();
        }
        List<StockMove> sorted = moves.stream().sorted(Comparator.comparing(StockMove::orderRef)).toList();
        return jdbc.sql("""
                insert into stock_reservation (workspace_id, order_ref, sku, quantity)
                select :ws, t.ref, t.sku, t.qty
                from unnest(:refs::text[], :skus::text[], :qtys::int[]) with ordinality as t(ref, sku, qty, n)
                where exists (select 1 from product p where p.workspace_id = :ws and p.sku = t.sku)
                order by t.n
                on conflict do nothing
                returning sku, quantity, order_ref""")
                .param("ws", workspace.value())
                .param("refs", sorted.stream().map(StockMove::orderRef).toArray(String[]::new))
                .param("skus", sorted.stream().map(StockMove::sku).toArray(String[]::new))
                .param("qtys", sorted.stream().map(StockMove::quantity).toArray(Integer[]::new))
                .query((rs, n) -> new StockMove(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    public List<StockMove> deleteReservations(WorkspaceId workspace, Collection<String> refs) {
        return delete("stock_reservation", workspace, refs);
    }

    public List<StockMove> deleteSales(WorkspaceId workspace, Collection<String> refs) {
        return delete("stock_sale", workspace, refs);
    }

    private List<StockMove> delete(String table, WorkspaceId workspace, Collection<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        String[] sorted = refs.stream().sorted().distinct().toArray(String[]::new);
        // lock in reference order first: a plain delete of = any(...) takes its locks in no particular order
        jdbc.sql("select order_ref from " + table + " where workspace_id = ? and order_ref = any(?) order by order_ref for update")
                .params(workspace.value(), sorted).query(String.class).list();
        return jdbc.sql("delete from " + table + " where workspace_id = ? and order_ref = any(?) returning sku, quantity, order_ref")
                .params(workspace.value(), sorted)
                .query((rs, n) -> new StockMove(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    public void insertSales(WorkspaceId workspace, List<StockMove> sold) {
        if (sold.isEmpty()) {
            return;
        }
        List<StockMove> sorted = sold.stream().sorted(Comparator.comparing(StockMove::orderRef)).toList();
        jdbc.sql("""
                insert into stock_sale (workspace_id, order_ref, sku, quantity)
                select :ws, t.ref, t.sku, t.qty from unnest(:refs::text[], :skus::text[], :qtys::int[]) as t(ref, sku, qty)
                on conflict do nothing""")
                .param("ws", workspace.value())
                .param("refs", sorted.stream().map(StockMove::orderRef).toArray(String[]::new))
                .param("skus", sorted.stream().map(StockMove::sku).toArray(String[]::new))
                .param("qtys", sorted.stream().map(StockMove::quantity).toArray(Integer[]::new))
                .update();
    }

    /**
     * Adds {@code onHandSign × units} to on hand and {@code reservedSign × units} to reserved of each SKU moved (never
     * below zero), bumps the version and appends one change record per product, through {@link ProductRows}.
     */
    public void adjust(WorkspaceId workspace, List<StockMove> moves, int onHandSign, int reservedSign) {
        if (moves.isEmpty()) {
            return;
        }
        Map<String, Integer> units = new TreeMap<>();
        moves.forEach(m -> units.merge(m.sku(), m.quantity(), Integer::sum));
        String[] skus = units.keySet().toArray(String[]::new);
        Integer[] qty = units.values().toArray(Integer[]::new);
        jdbc.sql("select sku from product where workspace_id = ? and sku = any(?) order by sku for update")
                .params(workspace.value(), skus).query(String.class).list();
        List<String> fields = new ArrayList<>(2);
        if (onHandSign != 0) {
            fields.add("quantity");
        }
        if (reservedSign != 0) {
            fields.add("reserved");
        }
        List<ProductRows.Change> changes = jdbc.sql("""
                update product p set on_hand = greatest(0, p.on_hand + :onHandSign * d.qty),
                       reserved = greatest(0, p.reserved + :reservedSign * d.qty),
                       version = p.version + 1, updated_at = now()
                from unnest(:skus::text[], :qty::int[]) as d(sku, qty)
                where p.workspace_id = :ws and p.sku = d.sku
                returning p.sku, p.version""")
                .param("onHandSign", onHandSign).param("reservedSign", reservedSign)
                .param("skus", skus).param("qty", qty).param("ws", workspace.value())
                .query((rs, n) -> new ProductRows.Change(rs.getString(1), fields, rs.getLong(2))).list();
        products.appendChanges(workspace, changes.stream().sorted(Comparator.comparing(ProductRows.Change::sku)).toList());
    }

    public Map<String, StockLedger.Stock> stock(WorkspaceId workspace, Collection<String> skus) {
        Map<String, StockLedger.Stock> stock = new java.util.HashMap<>();
        if (skus.isEmpty()) {
            return stock;
        }
        jdbc.sql("""
                select p.sku, p.on_hand, p.reserved from unnest(:skus::text[]) as s(sku)
                cross join lateral (select sku, on_hand, reserved from product where workspace_id = :ws and sku = s.sku offset 0) p""")
                .param("ws", workspace.value()).param("skus", skus.toArray(String[]::new))
                .query((rs, n) -> stock.put(rs.getString(1), new StockLedger.Stock(rs.getInt(2), rs.getInt(3)))).list();
        return stock;
    }

    public Map<String, List<StockLedger.Reservation>> reservations(WorkspaceId workspace, Collection<String> skus) {
        Map<String, List<StockLedger.Reservation>> bySku = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return bySku;
        }
        jdbc.sql("""
                select sku, order_ref, quantity, reserved_at from stock_reservation
                where workspace_id = ? and sku = any(?) order by reserved_at, order_ref""")
                .params(workspace.value(), skus.toArray(String[]::new))
                .query((rs, n) -> bySku.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new StockLedger.Reservation(rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant())))
                .list();
        return bySku;
    }
}
