package dev.omnisync.listing;

import dev.omnisync.workspace.WorkspaceId;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts products straight into the store's table (the catalog API is built elsewhere). */
public record CatalogFixture(JdbcClient jdbc) {

    public void product(WorkspaceId workspace, String sku) {
        product(workspace, sku, new BigDecimal("19.99"), 10);
    }

    public void product(WorkspaceId workspace, String sku, BigDecimal price, int onHand) {
        jdbc.sql("insert into product (workspace_id, sku, title, price, on_hand) values (?, ?, ?, ?, ?)")
                .params(workspace.value(), sku, "Product " + sku, price, onHand).update();
    }

    /** {@code count} products named {@code prefix0001...}, in one statement. */
    public void products(WorkspaceId workspace, String prefix, int count) {
        jdbc.sql("insert into product (workspace_id, sku, title, price, on_hand) "
                        + "select ?, ? || lpad(g::text, 4, '0'), 'Product ' || g, 9.99, g from generate_series(1, ?) g")
                .params(workspace.value(), prefix, count).update();
    }
}
