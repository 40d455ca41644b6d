package dev.omnisync.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The product fields a merchant writes. {@link #jsonName()} is the field's name in the API's JSON, in CSV
 * headers and in the {@code fields} of a change record ({@code product_change}): a change record lists the
 * JSON names of the fields whose value really changed. The six identifiers form one field,
 * {@code identifiers}; {@code quantity} is the stock on hand.
 */
public enum ProductField {
    PARENT_SKU("parentSku", Kind.TEXT, null),
    TITLE("title", Kind.TEXT, null),
    DESCRIPTION("description", Kind.TEXT, null),
    IMAGES("images", Kind.TEXT_LIST, List.of()),
    PRICE("price", Kind.DECIMAL, null),
    SALE_PRICE("salePrice", Kind.DECIMAL, null),
    MSRP("msrp", Kind.DECIMAL, null),
    QUANTITY("quantity", Kind.INTEGER, 0),
    IDENTIFIERS("identifiers", Kind.IDENTIFIERS, Identifiers.NONE),
    CATEGORY_PATH("categoryPath", Kind.TEXT_LIST, List.of()),
    ATTRIBUTES("attributes", Kind.ATTRIBUTES, Map.of()),
    GPSR("gpsr", Kind.GPSR, null),
    SHIPPING_PROFILE("shippingProfile", Kind.TEXT, null),
    RETURN_PROFILE("returnProfile", Kind.TEXT, null),
    FITMENT("fitment", Kind.FITMENT, List.of()),
    VAT_PERCENT("vatPercent", Kind.DECIMAL, null),
    LOT_SIZE("lotSize", Kind.INTEGER, null),
    SIZE_CHART("sizeChart", Kind.TEXT, null),
    WEIGHT_KG("weightKg", Kind.DECIMAL, null),
    ENABLED("enabled", Kind.BOOLEAN, true);

    /** How a field's value is typed: decides parsing from JSON and CSV. */
    public enum Kind { TEXT, TEXT_LIST, DECIMAL, INTEGER, BOOLEAN, IDENTIFIERS, ATTRIBUTES, GPSR, FITMENT }

    private final String jsonName;
    private final Kind kind;
    private final Object defaultValue;

    ProductField(String jsonName, Kind kind, Object defaultValue) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.defaultValue = defaultValue;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    /** The value of a product that never set this field (and what {@code null} in a write means). */
    public Object defaultValue() {
        return defaultValue;
    }

    public static Optional<ProductField> byJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }

    /** Whether two values of this field are the same for the channels (17.5 and 17.50 are). */
    public boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
