package dev.omnisync.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a product as it arrives (a JSON object of the API, or a CSV record of an import) into a
 * {@link ProductWrite}, or into reasons why it cannot be read. It checks types and formats; the value
 * rules are {@link ProductRules}' and are applied when the write is.
 *
 * <p>JSON: every key present is written, {@code null} clears the field ({@code quantity} and
 * {@code enabled} cannot be null); in {@code identifiers} each
 * identifier present is written on its own (except with {@link ProductWrite.Mode#REPLACE}, which replaces
 * them all). Read-only keys of the GET answer ({@code onHand}, {@code reserved}, {@code available},
 * {@code version}, {@code updatedAt}, {@code variants}) are ignored, so a product read can be written back.
 */
public final class ProductInput {

    /** Keys of the GET answer that a write ignores. */
    public static final Set<String> READ_ONLY = Set.of("onHand", "reserved", "reservedBy", "available", "ledger", "version", "updatedAt",
            "variants");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectReader GPSR = JSON.readerFor(Gpsr.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProductInput() {
    }

    /** A row that could be read, or why not. */
    public sealed interface Parsed {
        String sku();
    }

    public record Readable(ProductWrite write) implements Parsed {
        @Override
        public String sku() {
            return write.sku();
        }
    }

    public record Unreadable(String sku, List<String> reasons) implements Parsed {
    }

    /**
     * Reads a JSON object. {@code pathSku} is the SKU of the URL ({@code PUT/PATCH /api/products/{sku}}); a
     * {@code sku} key in the body must then equal it. Without a path SKU (import), {@code sku} is required.
     */
    public static Parsed fromJson(JsonNode node, ProductWrite.Mode mode, String pathSku) {
        if (node == null || !node.isObject()) {
            return new Unreadable(pathSku, List.of("A product must be a JSON object, e.g. {\"sku\":\"MUG-1\",\"quantity\":5}."));
        }
        List<String> reasons = new ArrayList<>();
        String sku = pathSku;
        JsonNode skuNode = node.get("sku");
        if (skuNode != null && !skuNode.isNull()) {
            String bodySku = skuNode.isString() || skuNode.isNumber() ? skuNode.asString().strip() : null;
            if (bodySku == null) {
                reasons.add("'sku' must be a string.");
            } else if (pathSku != null && !pathSku.equals(bodySku)) {
                reasons.add("'sku' in the body is '" + bodySku + "' but the URL names '" + pathSku + "'; they must match (or leave 'sku' out).");
            } else {
                sku = bodySku;
            }
        }
        if (sku == null && reasons.isEmpty()) {
            reasons.add("'sku' is required in every product.");
        }
        ProductWrite.Builder write = ProductWrite.of(sku, mode);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("sku") || READ_ONLY.contains(key)) {
                continue;
            }
            var field = ProductField.byJsonName(key);
            if (field.isEmpty()) {
                reasons.add("Unknown field '" + key + "'. Known fields: " + knownFields() + ".");
                continue;
            }
            try {
                if (field.get() == ProductField.IDENTIFIERS && mode != ProductWrite.Mode.REPLACE && !value.isNull()) {
                    readIdentifiers(value).forEach(write::identifier);
                } else {
                    write.set(field.get(), fromJson(field.get(), value));
                }
            } catch (BadValue e) {
                reasons.add(e.getMessage());
            }
        }
        return reasons.isEmpty() ? new Readable(write.build()) : new Unreadable(sku, reasons);
    }

    /** The names a JSON product or a CSV header may use. */
    public static String knownFields() {
        return "sku, " + Arrays.stream(ProductField.values()).map(ProductField::jsonName).collect(Collectors.joining(", "));
    }

    /** One field's value from JSON; {@code null} (JSON null) clears the field. */
    static Object fromJson(ProductField field, JsonNode value) throws BadValue {
        if ((value == null || value.isNull()) && (field == ProductField.QUANTITY || field == ProductField.ENABLED)) {
            throw new BadValue("'" + field.jsonName() + "' cannot be null; give "
                    + (field == ProductField.QUANTITY ? "the quantity on hand (0 or more)." : "true or false."));
        }
        if (value == null || value.isNull()) {
            return null;
        }
        String name = field.jsonName();
        return switch (field.kind()) {
            case TEXT -> text(name, value);
            case TEXT_LIST -> {
                if (!value.isArray()) {
                    throw new BadValue("'" + name + "' must be a list of strings, e.g. [\"a\", \"b\"].");
                }
                List<String> list = new ArrayList<>(value.size());
                for (JsonNode element : value) {
                    if (!element.isString()) {
                        throw new BadValue("'" + name + "' must be a list of strings; found " + element + ".");
                    }
                    list.add(element.asString().strip());
                }
                yield list;
            }
            case DECIMAL -> {
                if (value.isNumber()) {
                    yield value.decimalValue();
                }
                if (value.isString()) {
                    yield decimal(name, value.asString());
                }
                throw new BadValue("'" + name + "' must be a decimal number as a string, e.g. \"17.50\"; found " + value + ".");
            }
            case INTEGER -> {
                if (value.isIntegralNumber() && value.canConvertToInt()) {
                    yield value.intValue();
                }
                if (value.isString()) {
                    yield integer(name, value.asString());
                }
                throw new BadValue("'" + name + "' must be a whole number"
                        + (value.isIntegralNumber() ? " below 2147483648" : "") + "; found " + value + ".");
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    yield value.asBoolean();
                }
                throw new BadValue("'" + name + "' must be true or false; found " + value + ".");
            }
            case IDENTIFIERS -> {
                Identifiers ids = Identifiers.NONE;
                for (Map.Entry<String, String> e : readIdentifiers(value).entrySet()) {
                    ids = ids.with(e.getKey(), e.getValue());
                }
                yield ids;
            }
            case ATTRIBUTES -> {
                if (!value.isObject()) {
                    throw new BadValue("'attributes' must be an object of name to values, e.g. {\"Color\": [\"Red\"]}.");
                }
                Map<String, List<String>> attributes = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    JsonNode values = e.getValue();
                    List<String> list = new ArrayList<>();
                    if (values.isString() || values.isNumber() || values.isBoolean()) {
                        list.add(values.asString());
                    } else if (values.isArray()) {
                        for (JsonNode v : values) {
                            if (!(v.isString() || v.isNumber() || v.isBoolean())) {
                                throw new BadValue("'attributes." + e.getKey() + "' must list strings; found " + v + ".");
                            }
                            list.add(v.asString());
                        }
                    } else {
                        throw new BadValue("'attributes." + e.getKey() + "' must be a list of strings; found " + values + ".");
                    }
                    attributes.put(e.getKey().strip(), list);
                }
                yield attributes;
            }
            case GPSR -> {
                if (!value.isObject()) {
                    throw new BadValue("'gpsr' must be an object {manufacturer, responsiblePerson, safetyInformation, documents}.");
                }
                try {
                    yield GPSR.readValue(value);
                } catch (JacksonException e) {
                    throw new BadValue("'gpsr' is not valid: " + firstLine(e.getOriginalMessage())
                            + " (expected {manufacturer:{companyName, addressLine1, addressLine2, city, postalCode, country,"
                            + " email, phone, url}, responsiblePerson:{...}, safetyInformation, documents:[{type, url}]}).");
                }
            }
            case FITMENT -> {
                if (!value.isArray()) {
                    throw new BadValue("'fitment' must be a list of rows, e.g. [{\"Make\":\"BMW\",\"Model\":\"3 Series\",\"Year\":\"2012\"}].");
                }
                List<Map<String, String>> rows = new ArrayList<>(value.size());
                for (JsonNode row : value) {
                    if (!row.isObject()) {
                        throw new BadValue("'fitment' rows must be objects of name to value; found " + row + ".");
                    }
                    Map<String, String> fitmentRow = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> e : row.properties()) {
                        JsonNode v = e.getValue();
                        if (!(v.isString() || v.isNumber() || v.isBoolean())) {
                            throw new BadValue("'fitment' values must be strings or numbers; found " + v + " for '" + e.getKey() + "'.");
                        }
                        fitmentRow.put(e.getKey(), v.asString());
                    }
                    rows.add(fitmentRow);
                }
                yield rows;
            }
        };
    }

    private static Map<String, String> readIdentifiers(JsonNode value) throws BadValue {
        if (!value.isObject()) {
            throw new BadValue("'identifiers' must be an object, e.g. {\"ean\": \"4006381333931\", \"brand\": \"Acme\"}.");
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!Identifiers.NAMES.contains(e.getKey())) {
                throw new BadValue("Unknown identifier 'identifiers." + e.getKey() + "'. Known: " + String.join(", ", Identifiers.NAMES) + ".");
            }
            JsonNode v = e.getValue();
            if (v.isNull()) {
                ids.put(e.getKey(), null);
            } else if (v.isString() || v.isIntegralNumber()) {
                String s = v.asString().strip();
                ids.put(e.getKey(), s.isEmpty() ? null : s);
            } else {
                throw new BadValue("'identifiers." + e.getKey() + "' must be a string; found " + v + ".");
            }
        }
        return ids;
    }

    private static String text(String name, JsonNode value) throws BadValue {
        if (!value.isString()) {
            throw new BadValue("'" + name + "' must be a string; found " + value + ".");
        }
        return blankToNull(value.asString(), !name.equals("description"));
    }

    /** Text of a cell or JSON string: blank means "no value"; single-line fields lose surrounding spaces. */
    static String blankToNull(String s, boolean strip) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return strip ? s.strip() : s;
    }

    static BigDecimal decimal(String name, String text) throws BadValue {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.length() > 40) {
                throw new NumberFormatException();
            }
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new BadValue("'" + name + "' '" + abbreviate(text) + "' is not a decimal number; write it like 17.50.");
        }
    }

    static Integer integer(String name, String text) throws BadValue {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BadValue("'" + name + "' '" + abbreviate(text) + "' is not a whole number.");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A value that cannot be read; the message names the field. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
