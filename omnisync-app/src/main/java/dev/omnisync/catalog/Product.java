package dev.omnisync.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A store product as the catalog holds it (SPEC §1). Variants are products of their own whose
 * {@code parentSku} names the parent. {@code onHand} is the merchant's {@code quantity}; {@code reserved}
 * counts units of open orders not yet in the store.
 */
public record Product(
        String sku,
        String parentSku,
        String title,
        String description,
        List<String> images,
        BigDecimal price,
        BigDecimal salePrice,
        BigDecimal msrp,
        int onHand,
        int reserved,
        Identifiers identifiers,
        List<String> categoryPath,
        Map<String, List<String>> attributes,
        Gpsr gpsr,
        String shippingProfile,
        String returnProfile,
        List<Map<String, String>> fitment,
        BigDecimal vatPercent,
        Integer lotSize,
        String sizeChart,
        BigDecimal weightKg,
        boolean enabled,
        long version,
        Instant updatedAt) {

    public Product {
        images = images == null ? List.of() : List.copyOf(images);
        categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        fitment = fitment == null ? List.of() : List.copyOf(fitment);
        identifiers = identifiers == null ? Identifiers.NONE : identifiers;
    }

    /** What can be sold now: on hand minus reserved, never below zero. */
    public int available() {
        return Math.max(0, onHand - reserved);
    }

    /** The value of one merchant-written field. */
    public Object value(ProductField field) {
        return switch (field) {
            case PARENT_SKU -> parentSku;
            case TITLE -> title;
            case DESCRIPTION -> description;
            case IMAGES -> images;
            case PRICE -> price;
            case SALE_PRICE -> salePrice;
            case MSRP -> msrp;
            case QUANTITY -> onHand;
            case IDENTIFIERS -> identifiers;
            case CATEGORY_PATH -> categoryPath;
            case ATTRIBUTES -> attributes;
            case GPSR -> gpsr;
            case SHIPPING_PROFILE -> shippingProfile;
            case RETURN_PROFILE -> returnProfile;
            case FITMENT -> fitment;
            case VAT_PERCENT -> vatPercent;
            case LOT_SIZE -> lotSize;
            case SIZE_CHART -> sizeChart;
            case WEIGHT_KG -> weightKg;
            case ENABLED -> enabled;
        };
    }

    /** Every merchant-written field's value. */
    public EnumMap<ProductField, Object> values() {
        EnumMap<ProductField, Object> values = new EnumMap<>(ProductField.class);
        for (ProductField field : ProductField.values()) {
            values.put(field, value(field));
        }
        return values;
    }

    /** A product with only a SKU: every field at its default. */
    public static Product blank(String sku) {
        return of(sku, new EnumMap<>(ProductField.class), 0, 0, null);
    }

    /** Builds a product from field values; a missing or null field takes its default. */
    @SuppressWarnings("unchecked")
    public static Product of(String sku, Map<ProductField, Object> values, int reserved, long version, Instant updatedAt) {
        EnumMap<ProductField, Object> v = new EnumMap<>(ProductField.class);
        for (ProductField field : ProductField.values()) {
            Object value = values.get(field);
            v.put(field, value == null ? field.defaultValue() : value);
        }
        return new Product(sku,
                (String) v.get(ProductField.PARENT_SKU),
                (String) v.get(ProductField.TITLE),
                (String) v.get(ProductField.DESCRIPTION),
                (List<String>) v.get(ProductField.IMAGES),
                (BigDecimal) v.get(ProductField.PRICE),
                (BigDecimal) v.get(ProductField.SALE_PRICE),
                (BigDecimal) v.get(ProductField.MSRP),
                (Integer) v.get(ProductField.QUANTITY),
                reserved,
                (Identifiers) v.get(ProductField.IDENTIFIERS),
                (List<String>) v.get(ProductField.CATEGORY_PATH),
                (Map<String, List<String>>) v.get(ProductField.ATTRIBUTES),
                (Gpsr) v.get(ProductField.GPSR),
                (String) v.get(ProductField.SHIPPING_PROFILE),
                (String) v.get(ProductField.RETURN_PROFILE),
                (List<Map<String, String>>) v.get(ProductField.FITMENT),
                (BigDecimal) v.get(ProductField.VAT_PERCENT),
                (Integer) v.get(ProductField.LOT_SIZE),
                (String) v.get(ProductField.SIZE_CHART),
                (BigDecimal) v.get(ProductField.WEIGHT_KG),
                (Boolean) v.get(ProductField.ENABLED),
                version, updatedAt);
    }

    /** The same product at another version (what a write stores). */
    public Product atVersion(long newVersion) {
        return of(sku, values(), reserved, newVersion, updatedAt);
    }
}
