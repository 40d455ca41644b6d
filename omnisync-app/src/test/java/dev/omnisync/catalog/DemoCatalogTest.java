package dev.omnisync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    @Test
    void everyDemoProductIsValidAndVariantsFollowTheirParent() {
        List<ProductWrite> writes = DemoCatalog.products();
        assertThat(writes).hasSizeGreaterThanOrEqualTo(20);
        Set<String> seen = new HashSet<>();
        for (ProductWrite write : writes) {
            assertThat(ProductEdit.apply(null, write)).as(write.sku()).isInstanceOf(ProductEdit.Edited.class);
            Object parent = write.values().get(ProductField.PARENT_SKU);
            if (parent != null) {
                assertThat(seen).as("parent of " + write.sku()).contains((String) parent);
            }
            assertThat(seen.add(write.sku())).as("unique " + write.sku()).isTrue();
        }
        assertThat(writes).filteredOn(w -> "MUG-CLASSIC".equals(w.values().get(ProductField.PARENT_SKU))).hasSize(3);
    }
}
