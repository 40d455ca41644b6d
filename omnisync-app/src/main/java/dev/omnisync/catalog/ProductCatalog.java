package dev.omnisync.catalog;

import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What other modules may ask of the catalog. */
public interface ProductCatalog {

    boolean exists(WorkspaceId workspace, String sku);

    /** The subset of {@code skus} that exist in the workspace's store. */
    Set<String> existingSkus(WorkspaceId workspace, Collection<String> skus);

    /** Store SKU by identifier, for identifiers (EAN, GTIN, UPC) that name exactly one product. */
    Map<String, String> skusByIdentifier(WorkspaceId workspace, Collection<String> identifiers);
}
