package dev.omnisync.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command to write one product. Only the fields it names change (unless {@link Mode#REPLACE});
 * a field set to {@code null} goes back to its default (cleared).
 *
 * @param sku         the product's SKU
 * @param mode        how the write treats the product's other fields and an unknown SKU
 * @param values      whole-field values (a null value clears the field)
 * @param identifiers single identifiers to set, by name ({@link Identifiers#NAMES}); null clears one
 * @param attributes  single attributes to set, by name; an empty list removes the attribute
 */
public record ProductWrite(String sku, Mode mode, Map<ProductField, Object> values, Map<String, String> identifiers,
        Map<String, List<String>> attributes) {

    /** How a write treats what it does not name. */
    public enum Mode {
        /** Create or replace: fields not named take their defaults ({@code PUT}). */
        REPLACE,
        /** Change the named fields of an existing product; an unknown SKU is not found ({@code PATCH}). */
        UPDATE,
        /** Change the named fields, creating the product when the SKU is new (import). */
        UPSERT
    }

    public ProductWrite {
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(ProductField.class) : new EnumMap<>(values));
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static Builder of(String sku, Mode mode) {
        return new Builder(sku, mode);
    }

    /** Whether the write names nothing but its SKU. */
    public boolean isEmpty() {
        return values.isEmpty() && identifiers.isEmpty() && attributes.isEmpty();
    }

    /** Collects the parts of a write. */
    public static final class Builder {
        private final String sku;
        private final Mode mode;
        private final EnumMap<ProductField, Object> values = new EnumMap<>(ProductField.class);
        private final Map<String, String> identifiers = new LinkedHashMap<>();
        private final Map<String, List<String>> attributes = new LinkedHashMap<>();

        private Builder(String sku, Mode mode) {
            this.sku = sku;
            this.mode = mode;
        }

        public Builder set(ProductField field, Object value) {
            values.put(field, value);
            return this;
        }

        public Builder identifier(String name, String value) {
            if (!Identifiers.NAMES.contains(name)) {
                throw new IllegalArgumentException("No identifier named '" + name + "'");
            }
            identifiers.put(name, value);
            return this;
        }

        public Builder attribute(String name, List<String> values) {
            attributes.put(name, values == null ? List.of() : values);
            return this;
        }

        public ProductWrite build() {
            return new ProductWrite(sku, mode, values, identifiers, attributes);
        }
    }
}
