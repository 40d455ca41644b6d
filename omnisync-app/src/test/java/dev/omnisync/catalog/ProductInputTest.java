package dev.omnisync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProductInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void jsonKeysBecomeFieldValuesAndNullClears() {
        ProductWrite write = readable(ProductInput.fromJson(JSON.readTree("""
                {"title": " Mug ", "price": "17.50", "msrp": 20, "quantity": "4", "salePrice": null, "enabled": false,
                 "images": ["https://a.example/1.jpg"], "attributes": {"Color": "Red", "Size": ["M", "L"]},
                 "fitment": [{"Make": "BMW", "Year": 2012}], "onHand": 99, "version": 3}"""), ProductWrite.Mode.UPDATE, "MUG-1"));
        assertThat(write.sku()).isEqualTo("MUG-1");
        assertThat(write.values()).containsEntry(ProductField.TITLE, "Mug")
                .containsEntry(ProductField.PRICE, new BigDecimal("17.50"))
                .containsEntry(ProductField.MSRP, new BigDecimal("20"))
                .containsEntry(ProductField.QUANTITY, 4)
                .containsEntry(ProductField.SALE_PRICE, null)
                .containsEntry(ProductField.ENABLED, false)
                .containsEntry(ProductField.ATTRIBUTES, Map.of("Color", List.of("Red"), "Size", List.of("M", "L")))
                .containsEntry(ProductField.FITMENT, List.of(Map.of("Make", "BMW", "Year", "2012")));
        assertThat(write.values()).as("read-only keys are ignored").hasSize(9);
    }

    @Test
    void identifiersMergeUnlessReplacing() {
        String body = "{\"identifiers\": {\"ean\": 4006381333931, \"mpn\": null}}";
        ProductWrite update = readable(ProductInput.fromJson(JSON.readTree(body), ProductWrite.Mode.UPDATE, "X"));
        assertThat(update.values()).isEmpty();
        assertThat(update.identifiers()).containsEntry("ean", "4006381333931").containsEntry("mpn", null).hasSize(2);
        ProductWrite replace = readable(ProductInput.fromJson(JSON.readTree(body), ProductWrite.Mode.REPLACE, "X"));
        assertThat(replace.values()).containsEntry(ProductField.IDENTIFIERS, new Identifiers("4006381333931", null, null, null, null, null));
    }

    @Test
    void wrongTypesAndUnknownKeysAreReasonsNamingTheField() {
        var parsed = ProductInput.fromJson(JSON.readTree("""
                {"sku": "OTHER", "quantity": 1.5, "price": [1], "enabled": "yes", "images": "https://a.example/1.jpg",
                 "gpsr": {"manufacturer": {"name": "x"}}, "colour": "red", "identifiers": {"asin": "B0"}}"""),
                ProductWrite.Mode.REPLACE, "MUG-1");
        assertThat(parsed).isInstanceOf(ProductInput.Unreadable.class);
        List<String> reasons = ((ProductInput.Unreadable) parsed).reasons();
        for (String mentioned : List.of("'sku'", "'quantity'", "'price'", "'enabled'", "'images'", "'gpsr'", "'colour'", "asin")) {
            assertThat(reasons).as(mentioned).anyMatch(r -> r.contains(mentioned));
        }
    }

    @Test
    void quantityAndEnabledCannotBeCleared() {
        var parsed = ProductInput.fromJson(JSON.readTree("{\"quantity\": null, \"enabled\": null}"), ProductWrite.Mode.UPDATE, "X");
        assertThat(((ProductInput.Unreadable) parsed).reasons()).hasSize(2).allMatch(r -> r.contains("cannot be null"));
    }

    @Test
    void importRowsNeedASku() {
        var parsed = ProductInput.fromJson(JSON.readTree("{\"title\": \"x\"}"), ProductWrite.Mode.UPSERT, null);
        assertThat(((ProductInput.Unreadable) parsed).reasons()).singleElement().asString().contains("'sku' is required");
        assertThat(ProductInput.fromJson(JSON.readTree("[]"), ProductWrite.Mode.UPSERT, null)).isInstanceOf(ProductInput.Unreadable.class);
    }

    @Test
    void csvHeadersBindToFieldsIdentifiersAndAttributes() {
        var header = CsvColumns.bind(Arrays.asList("\uFEFFsku", "quantity", "ean", "attr:Color", "images", "enabled", "gpsr"));
        assertThat(header).isInstanceOf(CsvColumns.Usable.class);
        CsvColumns columns = ((CsvColumns.Usable) header).columns();
        ProductWrite write = readable(columns.read(List.of("MUG-1", " 12 ", "4006381333931", "Red | Dark red",
                "https://a.example/1.jpg|https://a.example/2.jpg", "no", "{\"safetyInformation\": \"Hot\"}")));
        assertThat(write.mode()).isEqualTo(ProductWrite.Mode.UPSERT);
        assertThat(write.values()).containsEntry(ProductField.QUANTITY, 12)
                .containsEntry(ProductField.IMAGES, List.of("https://a.example/1.jpg", "https://a.example/2.jpg"))
                .containsEntry(ProductField.ENABLED, false)
                .containsEntry(ProductField.GPSR, new Gpsr(null, null, "Hot", List.of()));
        assertThat(write.identifiers()).containsEntry("ean", "4006381333931");
        assertThat(write.attributes()).containsEntry("Color", List.of("Red", "Dark red"));
    }

    @Test
    void emptyCellsClearExceptQuantity() {
        CsvColumns columns = ((CsvColumns.Usable) CsvColumns.bind(List.of("sku", "salePrice", "mpn", "attr:Size", "quantity"))).columns();
        var cleared = readable(columns.read(List.of("A", "", " ", "", "0")));
        assertThat(cleared.values()).containsEntry(ProductField.SALE_PRICE, null);
        assertThat(cleared.identifiers()).containsEntry("mpn", null);
        assertThat(cleared.attributes()).containsEntry("Size", List.of());
        var noQuantity = columns.read(List.of("A", "", "", "", ""));
        assertThat(((ProductInput.Unreadable) noQuantity).reasons()).singleElement().asString().contains("'quantity' is empty");
    }

    @Test
    void badCellsAreReasonsNamingTheColumn() {
        CsvColumns columns = ((CsvColumns.Usable) CsvColumns.bind(List.of("sku", "price", "lotSize", "enabled", "fitment"))).columns();
        var parsed = columns.read(List.of("A", "12,50", "one", "perhaps", "[{oops"));
        List<String> reasons = ((ProductInput.Unreadable) parsed).reasons();
        assertThat(reasons).hasSize(4).anyMatch(r -> r.contains("'price'")).anyMatch(r -> r.contains("'lotSize'"))
                .anyMatch(r -> r.contains("'enabled'")).anyMatch(r -> r.contains("'fitment'"));
        assertThat(columns.read(List.of("A", "1"))).isInstanceOf(ProductInput.Unreadable.class);
    }

    @Test
    void unusableHeadersNameTheProblem() {
        assertThat(unusable(List.of("sku", "qty"))).contains("'qty'");
        assertThat(unusable(List.of("title", "price"))).contains("no 'sku' column");
        assertThat(unusable(List.of("sku", "price", "price"))).contains("twice");
        assertThat(unusable(List.of())).contains("empty");
        assertThat(unusable(List.of("sku", "identifiers"))).contains("'identifiers'");
        assertThat(unusable(List.of("sku", "attributes", "attr:Color"))).contains("one or the other");
        assertThat(unusable(List.of("sku;quantity"))).contains("commas");
    }

    private static String unusable(List<String> headers) {
        var header = CsvColumns.bind(headers);
        assertThat(header).isInstanceOf(CsvColumns.Unusable.class);
        return ((CsvColumns.Unusable) header).detail();
    }

    private static ProductWrite readable(ProductInput.Parsed parsed) {
        assertThat(parsed).isInstanceOf(ProductInput.Readable.class);
        return ((ProductInput.Readable) parsed).write();
    }
}
