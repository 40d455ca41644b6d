package dev.omnisync.catalog;

/**
 * A product's identifiers. Any of them may be null. EAN, UPC, GTIN and ISBN carry a valid check digit.
 */
public record Identifiers(String ean, String upc, String gtin, String isbn, String mpn, String brand) {

    /** No identifiers at all: what a new product has. */
    public static final Identifiers NONE = new Identifiers(null, null, null, null, null, null);

    /** The identifier names, as JSON keys and CSV columns. */
    public static final java.util.List<String> NAMES = java.util.List.of("ean", "upc", "gtin", "isbn", "mpn", "brand");

    public String get(String name) {
        return switch (name) {
            case "ean" -> ean;
            case "upc" -> upc;
            case "gtin" -> gtin;
            case "isbn" -> isbn;
            case "mpn" -> mpn;
            case "brand" -> brand;
            default -> throw new IllegalArgumentException("No identifier named '" + name + "'");
        };
    }

    /** A copy with one identifier set (null clears it). */
    public Identifiers with(String name, String value) {
        return switch (name) {
            case "ean" -> new Identifiers(value, upc, gtin, isbn, mpn, brand);
            case "upc" -> new Identifiers(ean, value, gtin, isbn, mpn, brand);
            case "gtin" -> new Identifiers(ean, upc, value, isbn, mpn, brand);
            case "isbn" -> new Identifiers(ean, upc, gtin, value, mpn, brand);
            case "mpn" -> new Identifiers(ean, upc, gtin, isbn, value, brand);
            case "brand" -> new Identifiers(ean, upc, gtin, isbn, mpn, value);
            default -> throw new IllegalArgumentException("No identifier named '" + name + "'");
        };
    }
}
