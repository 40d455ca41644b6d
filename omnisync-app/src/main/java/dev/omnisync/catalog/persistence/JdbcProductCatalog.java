package dev.omnisync.catalog.persistence;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.ProductCatalog;
import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProductCatalog implements ProductCatalog {

    private final JdbcClient jdbc;
    private final ProductRows rows;

    JdbcProductCatalog(JdbcClient jdbc, ProductRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @Override
    public Optional<Product> find(WorkspaceId workspace, String sku) {
        return Optional.ofNullable(rows.findAll(workspace, List.of(sku)).get(sku));
    }

    @Override
    public Map<String, Product> findAll(WorkspaceId workspace, Collection<String> skus) {
        return rows.findAll(workspace, skus);
    }

    @Override
    public boolean exists(WorkspaceId workspace, String sku) {
        return jdbc.sql("select exists (select 1 from product where workspace_id = ? and sku = ?)")
                .params(workspace.value(), sku).query(Boolean.class).single();
    }

    @Override
    public Set<String> existingSkus(WorkspaceId workspace, Collection<String> skus) {
        return rows.existing(workspace, skus);
    }

    @Override
    public Map<String, String> skusByIdentifier(WorkspaceId workspace, Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        jdbc.sql("""
                select id, sku from (
                  select ean as id, sku from product where workspace_id = :ws and ean = any(:ids)
                  union all select gtin, sku from product where workspace_id = :ws and gtin = any(:ids)
                  union all select upc, sku from product where workspace_id = :ws and upc = any(:ids)
                ) m group by id, sku""")
                .param("ws", workspace.value()).param("ids", identifiers.toArray(String[]::new))
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    String sku = rs.getString("sku");
                    if (found.putIfAbsent(id, sku) != null) {
                        ambiguous.add(id);
                    }
                    return null;
                }).list();
        ambiguous.forEach(found::remove);
        return found;
    }
}
