package dev.omnisync.catalog;

import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What other modules may ask of the catalog. Changes are not published as events: every product write
 * appends a row to {@code product_change} (SKU, JSON names of the changed fields, new version) in its own
 * transaction, which the sync engine reads in {@code change_id} order.
 */
public interface ProductCatalog {

    boolean exists(WorkspaceId workspace, String sku);

    /** The subset of {@code skus} that exist in the workspace's store. */
    Set<String> existingSkus(WorkspaceId workspace, Collection<String> skus);

    /** Store SKU by identifier, for identifiers (EAN, GTIN, UPC) that name exactly one product. */
    Map<String, String> skusByIdentifier(WorkspaceId workspace, Collection<String> identifiers);

    /** The product with this SKU, if the workspace has it. */
    Optional<Product> find(WorkspaceId workspace, String sku);

    /** The products among {@code skus} that exist, by SKU (one query whatever their number). */
    Map<String, Product> findAll(WorkspaceId workspace, Collection<String> skus);
}
