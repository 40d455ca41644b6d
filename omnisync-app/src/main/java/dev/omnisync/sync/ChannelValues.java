package dev.omnisync.sync;

import dev.omnisync.catalog.Product;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.policy.Calculated;
import dev.omnisync.policy.PriceInputs;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.StockInputs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values a product should have on a channel, field by field, as its Selling Policy shapes them. Pure:
 * the planner compares these with the listing's online values; the dispatcher computes them again at send
 * time, so the newest store data is what leaves.
 */
public final class ChannelValues {

    private ChannelValues() {
    }

    /** Desired values of every field the channel offers. A field the product cannot fill is absent. */
    public static Map<FieldKey, DesiredValue> of(Channel channel, Product product, SellingPolicy selling) {
        Map<FieldKey, DesiredValue> desired = new EnumMap<>(FieldKey.class);
        price(product, selling).ifPresent(v -> desired.put(FieldKey.PRICE, v));
        desired.put(FieldKey.QUANTITY, quantity(product, selling));
        for (var field : channel.optionalFields()) {
            DesiredValue value = content(channel, field.key(), product);
            if (value != null) {
                desired.put(field.key(), value);
            }
        }
        return desired;
    }

    static java.util.Optional<DesiredValue> price(Product product, SellingPolicy selling) {
        if (product.price() == null && product.salePrice() == null && product.msrp() == null) {
            return java.util.Optional.empty();
        }
        Calculated<BigDecimal> price = selling.price(new PriceInputs(product.price(), product.salePrice(), product.msrp()));
        if (price.value() == null) {
            return java.util.Optional.empty();
        }
        String plain = price.value().toPlainString();
        return java.util.Optional.of(new DesiredValue(price.value(), plain, plain, price.arithmetic()));
    }

    static DesiredValue quantity(Product product, SellingPolicy selling) {
        if (!product.enabled()) {
            return new DesiredValue(0, "0", "0", "product disabled in the store → 0");
        }
        Calculated<Integer> quantity = selling.quantity(new StockInputs(product.onHand(), product.reserved()));
        String shown = Integer.toString(quantity.value());
        return new DesiredValue(quantity.value(), shown, shown, quantity.arithmetic());
    }

    private static DesiredValue content(Channel channel, FieldKey key, Product p) {
        Object value = switch (key) {
            case TITLE -> p.title();
            case DESCRIPTION -> p.description();
            // Temu's one toggle carries images, size chart and weight together.
            case IMAGES -> channel == Channel.TEMU ? List.of(p.images(), String.valueOf(p.sizeChart()), String.valueOf(p.weightKg()))
                    : p.images().isEmpty() ? null : p.images();
            case IDENTIFIERS -> identifiers(p.identifiers());
            // eBay's "categories & specifics" and Mirakl's "categories, attributes" carry the attributes too.
            case CATEGORIES -> channel == Channel.EBAY || channel == Channel.MIRAKL
                    ? List.of(p.categoryPath(), new TreeMap<>(p.attributes()))
                    : p.categoryPath().isEmpty() ? null : p.categoryPath();
            case ATTRIBUTES -> p.attributes().isEmpty() ? null : new TreeMap<>(p.attributes());
            case GPSR -> p.gpsr();
            case SHIPPING_POLICY -> p.shippingProfile();
            case RETURN_POLICY -> p.returnProfile();
            case FITMENT -> p.fitment().isEmpty() ? null : p.fitment();
            case OTHER -> List.of(String.valueOf(p.vatPercent()), String.valueOf(p.msrp()), String.valueOf(p.lotSize()));
            case PRICE, QUANTITY -> throw new IllegalStateException("price and quantity are not content");
        };
        if (value == null) {
            return null;
        }
        String canonical = String.valueOf(value);
        return new DesiredValue(value, shorten(canonical), "h:" + hash(canonical), null);
    }

    /** The identifiers a product has, e.g. "ean 4006381333931, brand Acme"; null when it has none. */
    private static String identifiers(dev.omnisync.catalog.Identifiers ids) {
        List<String> parts = new java.util.ArrayList<>();
        for (String name : dev.omnisync.catalog.Identifiers.NAMES) {
            String value = ids.get(name);
            if (value != null && !value.isBlank()) {
                parts.add(name + " " + value);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }

    private static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
