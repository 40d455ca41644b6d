package dev.omnisync.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The limits a product's values must respect. Each broken rule gives one reason that names the field, says
 * what is wrong and what is allowed. The limits follow the strictest channels where that is cheap to
 * honour (e.g. 24 images, valid GTIN check digits) and the database's column types otherwise.
 */
final class ProductRules {

    static final int MAX_SKU = 100;
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 100_000;
    static final int MAX_IMAGES = 24;
    static final int MAX_URL = 2_048;
    static final int MAX_NAME = 200;
    static final int MAX_SIZE_CHART = 10_000;
    static final int MAX_CATEGORY_LEVELS = 10;
    static final int MAX_ATTRIBUTES = 200;
    static final int MAX_ATTRIBUTE_VALUES = 50;
    static final int MAX_ATTRIBUTE_VALUE = 1_000;
    static final int MAX_FITMENT_ROWS = 5_000;
    static final int MAX_FITMENT_KEYS = 30;
    static final int MAX_GPSR_DOCUMENTS = 20;
    static final int MAX_LOT_SIZE = 1_000_000;
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("10000000000"); // numeric(14, 4)
    private static final BigDecimal WEIGHT_LIMIT = new BigDecimal("10000000"); // numeric(10, 3)
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private ProductRules() {
    }

    /** Why a SKU (of a product or of its parent) is not acceptable; empty when it is. */
    static List<String> sku(String field, String sku) {
        if (sku == null || sku.isEmpty()) {
            return List.of("'" + field + "' is required: give the product's SKU (1 to " + MAX_SKU + " characters).");
        }
        if (sku.length() > MAX_SKU) {
            return List.of("'" + field + "' has " + sku.length() + " characters; at most " + MAX_SKU + " are allowed.");
        }
        for (int i = 0; i < sku.length(); i++) {
            char c = sku.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return List.of("'" + field + "' '" + sku + "' contains whitespace or a control character; a SKU may not.");
            }
            if (c == '/' || c == '\\') {
                return List.of("'" + field + "' '" + sku + "' contains '" + c + "'; a SKU may not contain slashes.");
            }
        }
        return List.of();
    }

    /** Why a field's value is not acceptable; empty when it is. */
    @SuppressWarnings("unchecked")
    static List<String> check(ProductField field, Object value) {
        List<String> reasons = new ArrayList<>();
        String name = field.jsonName();
        if (value == null) {
            return reasons;
        }
        switch (field) {
            case PARENT_SKU -> reasons.addAll(sku(name, (String) value));
            case TITLE -> maxLength(reasons, name, (String) value, MAX_TITLE);
            case DESCRIPTION -> maxLength(reasons, name, (String) value, MAX_DESCRIPTION);
            case SHIPPING_PROFILE, RETURN_PROFILE -> maxLength(reasons, name, (String) value, MAX_NAME);
            case SIZE_CHART -> maxLength(reasons, name, (String) value, MAX_SIZE_CHART);
            case IMAGES -> images(reasons, (List<String>) value);
            case PRICE, SALE_PRICE, MSRP -> decimal(reasons, name, (BigDecimal) value, 4, MONEY_LIMIT);
            case VAT_PERCENT -> decimal(reasons, name, (BigDecimal) value, 3, HUNDRED.add(BigDecimal.ONE.movePointLeft(3)));
            case WEIGHT_KG -> decimal(reasons, name, (BigDecimal) value, 3, WEIGHT_LIMIT);
            case QUANTITY -> {
                if ((Integer) value < 0) {
                    reasons.add("'quantity' is " + value + "; the quantity on hand cannot be negative.");
                }
            }
            case LOT_SIZE -> {
                int lot = (Integer) value;
                if (lot < 1 || lot > MAX_LOT_SIZE) {
                    reasons.add("'lotSize' is " + lot + "; it must be between 1 and " + MAX_LOT_SIZE + ".");
                }
            }
            case ENABLED -> {
            }
            case IDENTIFIERS -> identifiers(reasons, (Identifiers) value);
            case CATEGORY_PATH -> categoryPath(reasons, (List<String>) value);
            case ATTRIBUTES -> attributes(reasons, (Map<String, List<String>>) value);
            case GPSR -> gpsr(reasons, (Gpsr) value);
            case FITMENT -> fitment(reasons, (List<Map<String, String>>) value);
        }
        return reasons;
    }

    private static void maxLength(List<String> reasons, String name, String value, int max) {
        if (value.length() > max) {
            reasons.add("'" + name + "' has " + value.length() + " characters; at most " + max + " are allowed.");
        }
    }

    private static void decimal(List<String> reasons, String name, BigDecimal value, int scale, BigDecimal limit) {
        if (value.signum() < 0) {
            reasons.add("'" + name + "' is " + value.toPlainString() + "; it cannot be negative.");
        } else if (value.compareTo(limit) >= 0) {
            reasons.add("'" + name + "' is " + value.toPlainString() + "; it must be below " + limit.toPlainString() + ".");
        } else if (value.stripTrailingZeros().scale() > scale) {
            reasons.add("'" + name + "' is " + value.toPlainString() + "; at most " + scale + " decimal places are allowed.");
        }
    }

    private static void images(List<String> reasons, List<String> images) {
        if (images.size() > MAX_IMAGES) {
            reasons.add("'images' lists " + images.size() + " images; at most " + MAX_IMAGES + " are allowed.");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            String url = images.get(i);
            url(reasons, "images[" + i + "]", url);
            if (url != null && !seen.add(url)) {
                reasons.add("'images[" + i + "]' repeats " + url + "; list each image once.");
            }
        }
    }

    static void url(List<String> reasons, String name, String url) {
        if (url == null || url.isBlank()) {
            reasons.add("'" + name + "' is empty; give an http(s) URL.");
            return;
        }
        if (url.length() > MAX_URL) {
            reasons.add("'" + name + "' has " + url.length() + " characters; a URL may have at most " + MAX_URL + ".");
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                reasons.add("'" + name + "' '" + url + "' is not an absolute http(s) URL.");
            }
        } catch (URISyntaxException e) {
            reasons.add("'" + name + "' '" + url + "' is not a valid URL: " + e.getReason() + ".");
        }
    }

    private static void identifiers(List<String> reasons, Identifiers ids) {
        gtin(reasons, "identifiers.ean", ids.ean(), 8, 13);
        gtin(reasons, "identifiers.upc", ids.upc(), 12);
        gtin(reasons, "identifiers.gtin", ids.gtin(), 8, 12, 13, 14);
        isbn(reasons, ids.isbn());
        if (ids.mpn() != null) {
            maxLength(reasons, "identifiers.mpn", ids.mpn(), 100);
        }
        if (ids.brand() != null) {
            maxLength(reasons, "identifiers.brand", ids.brand(), MAX_NAME);
        }
    }

    private static void gtin(List<String> reasons, String name, String value, int... lengths) {
        if (value == null) {
            return;
        }
        boolean lengthOk = java.util.Arrays.stream(lengths).anyMatch(l -> l == value.length());
        if (!value.chars().allMatch(Character::isDigit) || !lengthOk) {
            reasons.add("'" + name + "' '" + value + "' must be " + describe(lengths) + " digits.");
            return;
        }
        int expected = gtinCheckDigit(value.substring(0, value.length() - 1));
        if (value.charAt(value.length() - 1) - '0' != expected) {
            reasons.add("'" + name + "' '" + value + "' has a wrong check digit (expected " + expected + ").");
        }
    }

    /** The GS1 check digit for the digits before it (weights 3 and 1 from the right). */
    static int gtinCheckDigit(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static void isbn(List<String> reasons, String isbn) {
        if (isbn == null) {
            return;
        }
        if (isbn.length() == 13 && isbn.chars().allMatch(Character::isDigit)) {
            if (isbn.charAt(12) - '0' != gtinCheckDigit(isbn.substring(0, 12))) {
                reasons.add("'identifiers.isbn' '" + isbn + "' has a wrong check digit.");
            }
            return;
        }
        if (isbn.length() == 10 && isbn.substring(0, 9).chars().allMatch(Character::isDigit)
                && (Character.isDigit(isbn.charAt(9)) || isbn.charAt(9) == 'X')) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                int digit = isbn.charAt(i) == 'X' ? 10 : isbn.charAt(i) - '0';
                sum += digit * (10 - i);
            }
            if (sum % 11 != 0) {
                reasons.add("'identifiers.isbn' '" + isbn + "' has a wrong check digit.");
            }
            return;
        }
        reasons.add("'identifiers.isbn' '" + isbn + "' must be an ISBN-13 (13 digits) or ISBN-10 (9 digits and a digit or X), without hyphens.");
    }

    private static String describe(int[] lengths) {
        if (lengths.length == 1) {
            return Integer.toString(lengths[0]);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lengths.length; i++) {
            s.append(i == 0 ? "" : i == lengths.length - 1 ? " or " : ", ").append(lengths[i]);
        }
        return s.toString();
    }

    private static void categoryPath(List<String> reasons, List<String> path) {
        if (path.size() > MAX_CATEGORY_LEVELS) {
            reasons.add("'categoryPath' has " + path.size() + " levels; at most " + MAX_CATEGORY_LEVELS + " are allowed.");
        }
        for (int i = 0; i < path.size(); i++) {
            String level = path.get(i);
            if (level == null || level.isBlank()) {
                reasons.add("'categoryPath[" + i + "]' is empty.");
            } else {
                maxLength(reasons, "categoryPath[" + i + "]", level, MAX_NAME);
            }
        }
    }

    private static void attributes(List<String> reasons, Map<String, List<String>> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            reasons.add("'attributes' has " + attributes.size() + " names; at most " + MAX_ATTRIBUTES + " are allowed.");
            return;
        }
        attributes.forEach((name, values) -> {
            if (name == null || name.isBlank()) {
                reasons.add("'attributes' has an attribute without a name.");
                return;
            }
            maxLength(reasons, "attributes name", name, MAX_NAME);
            if (values == null || values.isEmpty()) {
                reasons.add("'attributes." + name + "' has no values; give at least one or leave the attribute out.");
            } else if (values.size() > MAX_ATTRIBUTE_VALUES) {
                reasons.add("'attributes." + name + "' has " + values.size() + " values; at most " + MAX_ATTRIBUTE_VALUES + " are allowed.");
            } else {
                for (String value : values) {
                    if (value == null || value.isBlank()) {
                        reasons.add("'attributes." + name + "' has an empty value.");
                    } else {
                        maxLength(reasons, "attributes." + name, value, MAX_ATTRIBUTE_VALUE);
                    }
                }
            }
        });
    }

    private static void gpsr(List<String> reasons, Gpsr gpsr) {
        contact(reasons, "gpsr.manufacturer", gpsr.manufacturer());
        contact(reasons, "gpsr.responsiblePerson", gpsr.responsiblePerson());
        if (gpsr.safetyInformation() != null) {
            maxLength(reasons, "gpsr.safetyInformation", gpsr.safetyInformation(), 5_000);
        }
        if (gpsr.documents().size() > MAX_GPSR_DOCUMENTS) {
            reasons.add("'gpsr.documents' lists " + gpsr.documents().size() + " documents; at most " + MAX_GPSR_DOCUMENTS + " are allowed.");
            return;
        }
        for (int i = 0; i < gpsr.documents().size(); i++) {
            Gpsr.Document document = gpsr.documents().get(i);
            if (document == null) {
                reasons.add("'gpsr.documents[" + i + "]' is null.");
                continue;
            }
            url(reasons, "gpsr.documents[" + i + "].url", document.url());
            if (document.type() != null) {
                maxLength(reasons, "gpsr.documents[" + i + "].type", document.type(), 100);
            }
        }
    }

    private static void contact(List<String> reasons, String name, Gpsr.Contact contact) {
        if (contact == null) {
            return;
        }
        if (contact.companyName() == null || contact.companyName().isBlank()) {
            reasons.add("'" + name + ".companyName' is required when '" + name + "' is given.");
        }
        for (String part : new String[] {contact.companyName(), contact.addressLine1(), contact.addressLine2(), contact.city(),
                contact.postalCode(), contact.email(), contact.phone()}) {
            if (part != null && part.length() > MAX_NAME) {
                reasons.add("'" + name + "' has a part of " + part.length() + " characters; at most " + MAX_NAME + " are allowed.");
            }
        }
        if (contact.country() != null && !contact.country().matches("[A-Z]{2}")) {
            reasons.add("'" + name + ".country' '" + contact.country() + "' must be a two-letter ISO country code such as DE.");
        }
        if (contact.email() != null && !contact.email().matches("[^@\\s]+@[^@\\s]+")) {
            reasons.add("'" + name + ".email' '" + contact.email() + "' is not an e-mail address.");
        }
        if (contact.url() != null) {
            url(reasons, name + ".url", contact.url());
        }
    }

    private static void fitment(List<String> reasons, List<Map<String, String>> rows) {
        if (rows.size() > MAX_FITMENT_ROWS) {
            reasons.add("'fitment' has " + rows.size() + " rows; at most " + MAX_FITMENT_ROWS + " are allowed.");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (row == null || row.isEmpty()) {
                reasons.add("'fitment[" + i + "]' is empty; a fitment row names e.g. Make, Model and Year.");
            } else if (row.size() > MAX_FITMENT_KEYS) {
                reasons.add("'fitment[" + i + "]' has " + row.size() + " keys; at most " + MAX_FITMENT_KEYS + " are allowed.");
            } else {
                for (Map.Entry<String, String> e : row.entrySet()) {
                    if (e.getKey().isBlank() || e.getValue() == null || e.getValue().length() > MAX_NAME) {
                        reasons.add("'fitment[" + i + "]." + e.getKey() + "' must be a non-empty name with a value of at most "
                                + MAX_NAME + " characters.");
                    }
                }
            }
        }
    }
}
