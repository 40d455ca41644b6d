package dev.omnisync.console;

import dev.omnisync.catalog.Product;
import dev.omnisync.channel.FieldKey;

/** A short human form of a product's value for a policy field, for previews. */
final class FieldValues {

    private FieldValues() {
    }

    static String shown(FieldKey field, Product p) {
        return switch (field) {
            case PRICE -> p.price() == null ? "no price" : p.price().toPlainString();
            case QUANTITY -> Integer.toString(p.available());
            case TITLE -> quoted(p.title());
            case DESCRIPTION -> quoted(p.description());
            case IMAGES -> p.images().size() + " image(s)";
            case IDENTIFIERS -> String.valueOf(p.identifiers());
            case CATEGORIES -> String.join(" > ", p.categoryPath());
            case ATTRIBUTES -> p.attributes().size() + " attribute(s)";
            case GPSR -> p.gpsr() == null ? "no GPSR details" : "GPSR details";
            case SHIPPING_POLICY -> quoted(p.shippingProfile());
            case RETURN_POLICY -> quoted(p.returnProfile());
            case FITMENT -> p.fitment().size() + " fitment row(s)";
            case OTHER -> "VAT " + p.vatPercent() + ", MSRP " + p.msrp() + ", lot " + p.lotSize();
        };
    }

    private static String quoted(String s) {
        if (s == null) {
            return "(empty)";
        }
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "…" : s) + "'";
    }
}
