package dev.omnisync.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link ProductWrite} to the stored product (or to nothing, for a new SKU) and finds which
 * fields really changed. Pure: the caller loads and stores.
 */
final class ProductEdit {

    private ProductEdit() {
    }

    /** The result of applying one write. */
    sealed interface Result {
    }

    /** The product after the write and the fields whose value differs from before (all non-default ones for a new product). */
    record Edited(Product product, Set<ProductField> changed, boolean created) implements Result {
    }

    record Refused(List<String> reasons) implements Result {
    }

    record Missing() implements Result {
    }

    static Result apply(Product stored, ProductWrite write) {
        List<String> reasons = new ArrayList<>(ProductRules.sku("sku", write.sku()));
        if (!reasons.isEmpty()) {
            return new Refused(reasons);
        }
        if (stored == null && write.mode() == ProductWrite.Mode.UPDATE) {
            return new Missing();
        }
        Product before = stored == null ? Product.blank(write.sku()) : stored;
        EnumMap<ProductField, Object> values = write.mode() == ProductWrite.Mode.REPLACE
                ? Product.blank(write.sku()).values() : before.values();
        Set<ProductField> touched = EnumSet.noneOf(ProductField.class);
        write.values().forEach((field, value) -> {
            values.put(field, value == null ? field.defaultValue() : value);
            touched.add(field);
        });
        if (!write.identifiers().isEmpty()) {
            Identifiers ids = (Identifiers) values.get(ProductField.IDENTIFIERS);
            for (Map.Entry<String, String> e : write.identifiers().entrySet()) {
                ids = ids.with(e.getKey(), e.getValue());
            }
            values.put(ProductField.IDENTIFIERS, ids);
            touched.add(ProductField.IDENTIFIERS);
        }
        if (!write.attributes().isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> attributes = new LinkedHashMap<>((Map<String, List<String>>) values.get(ProductField.ATTRIBUTES));
            write.attributes().forEach((name, list) -> {
                if (list == null || list.isEmpty()) {
                    attributes.remove(name);
                } else {
                    attributes.put(name, List.copyOf(list));
                }
            });
            values.put(ProductField.ATTRIBUTES, attributes);
            touched.add(ProductField.ATTRIBUTES);
        }
        for (ProductField field : touched) {
            reasons.addAll(ProductRules.check(field, values.get(field)));
        }
        if (write.sku().equals(values.get(ProductField.PARENT_SKU))) {
            reasons.add("'parentSku' names the product itself; a product cannot be its own parent.");
        }
        if (!reasons.isEmpty()) {
            return new Refused(reasons);
        }
        Product after = Product.of(write.sku(), values, before.reserved(), before.version(), before.updatedAt());
        Set<ProductField> changed = EnumSet.noneOf(ProductField.class);
        for (ProductField field : ProductField.values()) {
            if (!field.same(before.value(field), after.value(field))) {
                changed.add(field);
            }
        }
        return new Edited(after, changed, stored == null);
    }
}
