package dev.omnisync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductEditTest {

    private static final Product STORED = Product.of("MUG-1", Map.of(
            ProductField.TITLE, "Mug",
            ProductField.PRICE, new BigDecimal("12.99"),
            ProductField.QUANTITY, 7,
            ProductField.IDENTIFIERS, new Identifiers("4006381333931", null, null, null, "M-1", "Acme"),
            ProductField.ATTRIBUTES, Map.of("Color", List.of("Red"), "Material", List.of("Stoneware"))),
            2, 4, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void onlyFieldsWhoseValueReallyChangesAreReported() {
        var edited = edited(STORED, ProductWrite.of("MUG-1", ProductWrite.Mode.UPDATE)
                .set(ProductField.PRICE, new BigDecimal("12.990")).set(ProductField.QUANTITY, 9).build());
        assertThat(edited.changed()).containsExactly(ProductField.QUANTITY);
        assertThat(edited.product().onHand()).isEqualTo(9);
        assertThat(edited.product().reserved()).as("the ledger's reservations are not the merchant's to write").isEqualTo(2);
        assertThat(edited.product().title()).isEqualTo("Mug");
        assertThat(edited.created()).isFalse();
    }

    @Test
    void writingTheStoredValuesChangesNothing() {
        var edited = edited(STORED, ProductWrite.of("MUG-1", ProductWrite.Mode.UPSERT)
                .set(ProductField.TITLE, "Mug").set(ProductField.QUANTITY, 7).identifier("brand", "Acme")
                .attribute("Color", List.of("Red")).build());
        assertThat(edited.changed()).isEmpty();
    }

    @Test
    void replaceResetsWhatItLeavesOut() {
        var edited = edited(STORED, ProductWrite.of("MUG-1", ProductWrite.Mode.REPLACE).set(ProductField.TITLE, "Mug").build());
        assertThat(edited.changed()).containsExactlyInAnyOrder(ProductField.PRICE, ProductField.QUANTITY, ProductField.IDENTIFIERS,
                ProductField.ATTRIBUTES);
        assertThat(edited.product().price()).isNull();
        assertThat(edited.product().identifiers()).isEqualTo(Identifiers.NONE);
    }

    @Test
    void singleIdentifiersAndAttributesMerge() {
        var edited = edited(STORED, ProductWrite.of("MUG-1", ProductWrite.Mode.UPDATE)
                .identifier("mpn", null).identifier("gtin", "04006381333931")
                .attribute("Material", List.of()).attribute("Size", List.of("L")).build());
        assertThat(edited.product().identifiers()).isEqualTo(new Identifiers("4006381333931", null, "04006381333931", null, null, "Acme"));
        assertThat(edited.product().attributes()).isEqualTo(Map.of("Color", List.of("Red"), "Size", List.of("L")));
        assertThat(edited.changed()).isEqualTo(EnumSet.of(ProductField.IDENTIFIERS, ProductField.ATTRIBUTES));
    }

    @Test
    void aNewProductReportsTheFieldsItSets() {
        var edited = edited(null, ProductWrite.of("NEW-1", ProductWrite.Mode.UPSERT).set(ProductField.QUANTITY, 3)
                .set(ProductField.ENABLED, true).set(ProductField.TITLE, null).build());
        assertThat(edited.created()).isTrue();
        assertThat(edited.changed()).containsExactly(ProductField.QUANTITY);
    }

    @Test
    void updatesNeedAnExistingProductAndValidValues() {
        assertThat(ProductEdit.apply(null, ProductWrite.of("X", ProductWrite.Mode.UPDATE).build())).isInstanceOf(ProductEdit.Missing.class);
        var refused = ProductEdit.apply(STORED, ProductWrite.of("MUG-1", ProductWrite.Mode.UPDATE)
                .set(ProductField.QUANTITY, -1).set(ProductField.PARENT_SKU, "MUG-1").build());
        assertThat(refused).isInstanceOf(ProductEdit.Refused.class);
        assertThat(((ProductEdit.Refused) refused).reasons()).hasSize(2)
                .anyMatch(r -> r.contains("quantity")).anyMatch(r -> r.contains("own parent"));
        assertThat(ProductEdit.apply(null, ProductWrite.of("A B", ProductWrite.Mode.UPSERT).build())).isInstanceOf(ProductEdit.Refused.class);
    }

    private static ProductEdit.Edited edited(Product stored, ProductWrite write) {
        ProductEdit.Result result = ProductEdit.apply(stored, write);
        assertThat(result).isInstanceOf(ProductEdit.Edited.class);
        return (ProductEdit.Edited) result;
    }
}
