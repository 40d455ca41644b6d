package dev.omnisync.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The columns of an import CSV, bound to product fields by their header. A column is named like the JSON
 * field ({@code sku}, {@code title}, {@code price}, {@code quantity}, ...), an identifier ({@code ean},
 * {@code upc}, {@code gtin}, {@code isbn}, {@code mpn}, {@code brand}) or an attribute
 * ({@code attr:Color}). List cells ({@code images}, {@code categoryPath}, attribute values) separate their
 * items with {@code |}; {@code gpsr}, {@code fitment} and {@code attributes} cells hold JSON. Only the
 * columns present are written. An empty cell clears its field (an attribute column's empty cell removes
 * that attribute), except {@code quantity} and {@code enabled}, which need a value.
 */
final class CsvColumns {

    static final String ATTRIBUTE_PREFIX = "attr:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Target { SKU, FIELD, IDENTIFIER, ATTRIBUTE }

    private record Column(int index, String header, Target target, ProductField field, String name) {
    }

    private final List<Column> columns;
    private final int skuIndex;

    private CsvColumns(List<Column> columns, int skuIndex) {
        this.columns = columns;
        this.skuIndex = skuIndex;
    }

    /** The header read, or why it cannot be used. */
    sealed interface Header {
    }

    record Usable(CsvColumns columns) implements Header {
    }

    record Unusable(String detail) implements Header {
    }

    static Header bind(List<String> headers) {
        if (headers.isEmpty() || headers.stream().allMatch(h -> h == null || h.isBlank())) {
            return new Unusable("The CSV file is empty. Its first line must name the columns, e.g. 'sku,quantity'.");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        int skuIndex = -1;
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i).replace("\uFEFF", "").strip();
            if (!seen.add(header)) {
                return new Unusable("The CSV header names column '" + header + "' twice.");
            }
            if (header.equals("sku")) {
                skuIndex = i;
                columns.add(new Column(i, header, Target.SKU, null, null));
            } else if (header.startsWith(ATTRIBUTE_PREFIX) && !header.substring(ATTRIBUTE_PREFIX.length()).isBlank()) {
                columns.add(new Column(i, header, Target.ATTRIBUTE, ProductField.ATTRIBUTES,
                        header.substring(ATTRIBUTE_PREFIX.length()).strip()));
            } else if (Identifiers.NAMES.contains(header)) {
                columns.add(new Column(i, header, Target.IDENTIFIER, ProductField.IDENTIFIERS, header));
            } else if (ProductField.byJsonName(header).filter(f -> f != ProductField.IDENTIFIERS).isPresent()) {
                columns.add(new Column(i, header, Target.FIELD, ProductField.byJsonName(header).get(), null));
            } else {
                unknown.add(header.isEmpty() ? "(empty, column " + (i + 1) + ")" : "'" + header + "'");
            }
        }
        if (headers.size() == 1 && (headers.get(0).contains(";") || headers.get(0).contains("\t"))) {
            return new Unusable("The CSV header '" + ProductInput.abbreviate(headers.get(0)) + "' is one column: separate"
                    + " columns with commas (',' not ';' or tabs), e.g. 'sku,quantity'.");
        }
        if (!unknown.isEmpty()) {
            return new Unusable("Unknown CSV column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + ". The first line must be the header; known columns: sku, "
                    + Arrays.stream(ProductField.values()).filter(f -> f != ProductField.IDENTIFIERS)
                            .map(ProductField::jsonName).reduce((a, b) -> a + ", " + b).orElse("")
                    + ", " + String.join(", ", Identifiers.NAMES) + " and attr:<Name> for attributes.");
        }
        if (skuIndex < 0) {
            return new Unusable("The CSV header has no 'sku' column; every row needs the product's SKU.");
        }
        boolean attributesWhole = columns.stream().anyMatch(c -> c.target() == Target.FIELD && c.field() == ProductField.ATTRIBUTES);
        if (attributesWhole && columns.stream().anyMatch(c -> c.target() == Target.ATTRIBUTE)) {
            return new Unusable("The CSV has both an 'attributes' column and attr:<Name> columns; use one or the other.");
        }
        return new Usable(new CsvColumns(List.copyOf(columns), skuIndex));
    }

    int size() {
        return columns.size();
    }

    /** One CSV record (its cells in header order) as a write, or why it cannot be read. */
    ProductInput.Parsed read(List<String> cells) {
        String sku = skuIndex < cells.size() ? ProductInput.blankToNull(cells.get(skuIndex), true) : null;
        List<String> reasons = new ArrayList<>();
        if (cells.size() != columns.size()) {
            reasons.add("The row has " + cells.size() + " cells but the header names " + columns.size() + " columns.");
            return new ProductInput.Unreadable(sku, reasons);
        }
        if (sku == null) {
            return new ProductInput.Unreadable(null, List.of("'sku' is empty; every row needs the product's SKU."));
        }
        ProductWrite.Builder write = ProductWrite.of(sku, ProductWrite.Mode.UPSERT);
        for (Column column : columns) {
            String cell = cells.get(column.index());
            try {
                switch (column.target()) {
                    case SKU -> {
                    }
                    case IDENTIFIER -> write.identifier(column.name(), ProductInput.blankToNull(cell, true));
                    case ATTRIBUTE -> write.attribute(column.name(), split(cell));
                    case FIELD -> write.set(column.field(), value(column.field(), cell));
                }
            } catch (ProductInput.BadValue e) {
                reasons.add(e.getMessage());
            }
        }
        return reasons.isEmpty() ? new ProductInput.Readable(write.build()) : new ProductInput.Unreadable(sku, reasons);
    }

    private static Object value(ProductField field, String cell) throws ProductInput.BadValue {
        String name = field.jsonName();
        boolean blank = cell == null || cell.isBlank();
        return switch (field.kind()) {
            case TEXT -> ProductInput.blankToNull(cell, field != ProductField.DESCRIPTION);
            case TEXT_LIST -> split(cell);
            case DECIMAL -> blank ? null : ProductInput.decimal(name, cell);
            case INTEGER -> {
                if (blank && field == ProductField.QUANTITY) {
                    throw new ProductInput.BadValue("'quantity' is empty; give the quantity on hand as a whole number.");
                }
                yield blank ? null : ProductInput.integer(name, cell);
            }
            case BOOLEAN -> switch (blank ? "" : cell.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new ProductInput.BadValue("'" + name + "' '" + ProductInput.abbreviate(cell == null ? "" : cell)
                        + "' must be true or false.");
            };
            case IDENTIFIERS, ATTRIBUTES, GPSR, FITMENT -> {
                if (blank) {
                    yield null;
                }
                try {
                    yield ProductInput.fromJson(field, JSON.readTree(cell));
                } catch (JacksonException e) {
                    throw new ProductInput.BadValue("'" + name + "' must hold JSON in a CSV cell; '"
                            + ProductInput.abbreviate(cell) + "' is not valid JSON.");
                }
            }
        };
    }

    private static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : cell.split("\\|")) {
            String s = item.strip();
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return items;
    }
}
