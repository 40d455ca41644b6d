package dev.omnisync.catalog;

import dev.omnisync.workspace.DefaultWorkspaceReady;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds a small, realistic demo catalog (20 products: a mug in three colours, T-shirts and hoodies in
 * sizes, goods with EAN/GTIN, GPSR details, fitment and an ISBN) into the default workspace when it is
 * created, through {@link Products} like any other write, so its change records exist too. Off with
 * {@code omnisync.demo-catalog.enabled=false}.
 */
@Component
class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final String IMG = "https://img.example.com/demo/";

    private final Products products;
    private final boolean enabled;

    DemoCatalog(Products products, @Value("${omnisync.demo-catalog.enabled:true}") boolean enabled) {
        this.products = products;
        this.enabled = enabled;
    }

    @EventListener
    void seed(DefaultWorkspaceReady ready) {
        if (!enabled || !ready.firstStart()) {
            return;
        }
        List<WriteOutcome> outcomes = products.write(ready.workspace(), products());
        long created = outcomes.stream().filter(WriteOutcome.Created.class::isInstance).count();
        outcomes.stream().filter(WriteOutcome.Rejected.class::isInstance)
                .forEach(o -> log.warn("Demo product {} was not seeded: {}", o.sku(), ((WriteOutcome.Rejected) o).reasons()));
        log.info("Seeded the demo catalog: {} products in the default workspace", created);
    }

    static List<ProductWrite> products() {
        Gpsr gpsr = new Gpsr(
                new Gpsr.Contact("Nordhaus Home Goods GmbH", "Hafenstraße 12", null, "Hamburg", "20457", "DE",
                        "safety@nordhaus.example", "+49 40 1234567", "https://nordhaus.example/contact"),
                new Gpsr.Contact("Nordhaus Home Goods GmbH", "Hafenstraße 12", null, "Hamburg", "20457", "DE",
                        "safety@nordhaus.example", null, null),
                "Not suitable for microwave use when damaged. Keep away from children under 3 years.",
                List.of(new Gpsr.Document("SAFETY_INSTRUCTIONS", "https://nordhaus.example/docs/safety-ceramics.pdf")));
        Gpsr electronics = new Gpsr(
                new Gpsr.Contact("Voltwerk Electronics Ltd.", "12 Riverside Way", "Unit 4", "Cork", "T12 X2Y3", "IE",
                        "compliance@voltwerk.example", "+353 21 555 0100", null),
                new Gpsr.Contact("Voltwerk EU Representative B.V.", "Keizersgracht 100", null, "Amsterdam", "1015 CV", "NL",
                        "eu-rep@voltwerk.example", null, null),
                "Use only the supplied cable. Do not cover while charging. Keep dry.",
                List.of(new Gpsr.Document("USER_MANUAL", "https://voltwerk.example/manuals/qi-pad-15.pdf"),
                        new Gpsr.Document("DECLARATION_OF_CONFORMITY", "https://voltwerk.example/doc/qi-pad-15-ce.pdf")));
        List<ProductWrite> writes = new ArrayList<>();

        writes.add(product("MUG-CLASSIC", "Classic Stoneware Mug 350 ml",
                "<p>A sturdy stoneware mug with a glossy glaze. Dishwasher safe. 350 ml.</p>", "12.99", 0)
                .set(ProductField.CATEGORY_PATH, List.of("Home & Kitchen", "Kitchen & Dining", "Mugs"))
                .set(ProductField.IMAGES, List.of(IMG + "mug-classic-1.jpg"))
                .identifier("brand", "Nordhaus").set(ProductField.GPSR, gpsr).build());
        String[][] mugs = {{"RED", "Red", "25", "101"}, {"BLUE", "Blue", "18", "102"}, {"WHITE", "White", "40", "103"}};
        for (String[] m : mugs) {
            writes.add(product("MUG-CLASSIC-" + m[0], "Classic Stoneware Mug 350 ml, " + m[1],
                    "<p>A sturdy stoneware mug with a glossy " + m[1].toLowerCase() + " glaze. Dishwasher safe.</p>",
                    "12.99", Integer.parseInt(m[2]))
                    .set(ProductField.PARENT_SKU, "MUG-CLASSIC").set(ProductField.MSRP, new BigDecimal("14.99"))
                    .set(ProductField.IMAGES, List.of(IMG + "mug-" + m[0].toLowerCase() + "-1.jpg", IMG + "mug-" + m[0].toLowerCase() + "-2.jpg"))
                    .set(ProductField.CATEGORY_PATH, List.of("Home & Kitchen", "Kitchen & Dining", "Mugs"))
                    .set(ProductField.ATTRIBUTES, Map.of("Color", List.of(m[1]), "Material", List.of("Stoneware"), "Capacity", List.of("350 ml")))
                    .identifier("ean", ean("4251234" + "00" + m[3])).identifier("brand", "Nordhaus").identifier("mpn", "NH-MUG-350-" + m[0])
                    .set(ProductField.GPSR, gpsr).set(ProductField.WEIGHT_KG, new BigDecimal("0.38"))
                    .set(ProductField.SHIPPING_PROFILE, "Standard parcel DE").set(ProductField.RETURN_PROFILE, "30 days free returns")
                    .build());
        }

        writes.add(product("TSHIRT-ORGANIC", "Organic Cotton T-Shirt, Unisex",
                "<p>Soft 180 g/m² organic cotton, GOTS certified. Regular fit.</p>", "19.90", 0)
                .set(ProductField.CATEGORY_PATH, List.of("Clothing", "Unisex", "T-Shirts"))
                .set(ProductField.IMAGES, List.of(IMG + "tshirt-organic-front.jpg", IMG + "tshirt-organic-back.jpg"))
                .set(ProductField.SIZE_CHART, IMG + "size-chart-tshirt.png").identifier("brand", "Greenthread").build());
        String[][] shirts = {{"S", "12", "201"}, {"M", "30", "202"}, {"L", "22", "203"}, {"XL", "7", "204"}};
        for (String[] s : shirts) {
            writes.add(product("TSHIRT-ORGANIC-" + s[0], "Organic Cotton T-Shirt, Unisex, Size " + s[0],
                    "<p>Soft 180 g/m² organic cotton, GOTS certified. Regular fit. Size " + s[0] + ".</p>", "19.90",
                    Integer.parseInt(s[1]))
                    .set(ProductField.PARENT_SKU, "TSHIRT-ORGANIC").set(ProductField.MSRP, new BigDecimal("24.90"))
                    .set(ProductField.SALE_PRICE, s[0].equals("XL") ? new BigDecimal("15.90") : null)
                    .set(ProductField.IMAGES, List.of(IMG + "tshirt-organic-front.jpg", IMG + "tshirt-organic-back.jpg"))
                    .set(ProductField.CATEGORY_PATH, List.of("Clothing", "Unisex", "T-Shirts"))
                    .set(ProductField.ATTRIBUTES, Map.of("Size", List.of(s[0]), "Color", List.of("Natural"), "Material", List.of("100% organic cotton")))
                    .set(ProductField.SIZE_CHART, IMG + "size-chart-tshirt.png")
                    .identifier("gtin", "0" + ean("4259876" + "00" + s[2])).identifier("brand", "Greenthread")
                    .set(ProductField.WEIGHT_KG, new BigDecimal("0.18")).set(ProductField.SHIPPING_PROFILE, "Letter parcel DE")
                    .build());
        }

        writes.add(product("HOODIE-ZIP", "Zip Hoodie, Recycled Fleece", "<p>Warm zip hoodie made from recycled polyester fleece.</p>",
                "49.00", 0).set(ProductField.CATEGORY_PATH, List.of("Clothing", "Unisex", "Hoodies"))
                .set(ProductField.IMAGES, List.of(IMG + "hoodie-zip.jpg")).identifier("brand", "Greenthread").build());
        for (String[] h : new String[][] {{"M", "9", "301"}, {"L", "4", "302"}}) {
            writes.add(product("HOODIE-ZIP-" + h[0], "Zip Hoodie, Recycled Fleece, Size " + h[0],
                    "<p>Warm zip hoodie made from recycled polyester fleece. Size " + h[0] + ".</p>", "49.00", Integer.parseInt(h[1]))
                    .set(ProductField.PARENT_SKU, "HOODIE-ZIP").set(ProductField.IMAGES, List.of(IMG + "hoodie-zip.jpg"))
                    .set(ProductField.CATEGORY_PATH, List.of("Clothing", "Unisex", "Hoodies"))
                    .set(ProductField.ATTRIBUTES, Map.of("Size", List.of(h[0]), "Color", List.of("Charcoal")))
                    .identifier("ean", ean("4259876" + "00" + h[2])).identifier("brand", "Greenthread")
                    .set(ProductField.WEIGHT_KG, new BigDecimal("0.52")).build());
        }

        writes.add(product("BOTTLE-STEEL-750", "Insulated Steel Water Bottle 750 ml",
                "<p>Double-walled stainless steel keeps drinks cold for 24 h and hot for 12 h.</p>", "24.95", 60)
                .set(ProductField.SALE_PRICE, new BigDecimal("21.95")).set(ProductField.MSRP, new BigDecimal("29.95"))
                .set(ProductField.IMAGES, List.of(IMG + "bottle-steel-1.jpg", IMG + "bottle-steel-2.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("Sports & Outdoors", "Water Bottles"))
                .set(ProductField.ATTRIBUTES, Map.of("Capacity", List.of("750 ml"), "Material", List.of("Stainless steel")))
                .identifier("ean", ean("425123400401")).identifier("brand", "Nordhaus").set(ProductField.GPSR, gpsr)
                .set(ProductField.WEIGHT_KG, new BigDecimal("0.41")).build());
        writes.add(product("BOARD-BAMBOO-L", "Bamboo Cutting Board, Large", "<p>Solid bamboo board with juice groove, 45 × 30 cm.</p>",
                "29.00", 14).set(ProductField.IMAGES, List.of(IMG + "board-bamboo.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("Home & Kitchen", "Kitchen & Dining", "Cutting Boards"))
                .identifier("ean", ean("425123400402")).identifier("brand", "Nordhaus").set(ProductField.WEIGHT_KG, new BigDecimal("1.6"))
                .build());
        writes.add(product("CHARGER-QI-15W", "Wireless Charging Pad 15 W", "<p>Qi-certified fast wireless charger with USB-C cable.</p>",
                "34.99", 33).set(ProductField.IMAGES, List.of(IMG + "qi-pad-1.jpg", IMG + "qi-pad-2.jpg", IMG + "qi-pad-3.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("Electronics", "Phone Accessories", "Chargers"))
                .set(ProductField.ATTRIBUTES, Map.of("Power", List.of("15 W"), "Connector", List.of("USB-C")))
                .identifier("ean", ean("539123450001")).identifier("mpn", "VW-QI15").identifier("brand", "Voltwerk")
                .set(ProductField.GPSR, electronics).set(ProductField.WEIGHT_KG, new BigDecimal("0.12")).build());
        writes.add(product("LAMP-DESK-LED", "LED Desk Lamp with Dimmer", "<p>Five brightness levels, 3000–6000 K, 8 W.</p>", "39.90", 3)
                .set(ProductField.IMAGES, List.of(IMG + "lamp-desk.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("Home & Kitchen", "Lighting", "Desk Lamps"))
                .identifier("ean", ean("539123450002")).identifier("brand", "Voltwerk").set(ProductField.GPSR, electronics)
                .set(ProductField.WEIGHT_KG, new BigDecimal("0.9")).build());
        writes.add(product("BRAKE-PAD-F-3S", "Front Brake Pad Set, Ceramic", "<p>Low-dust ceramic front brake pads, ECE R90 approved.</p>",
                "44.50", 11).set(ProductField.IMAGES, List.of(IMG + "brake-pads.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("eBay Motors", "Parts & Accessories", "Brakes", "Brake Pads"))
                .identifier("mpn", "BP-3S-F-C").identifier("brand", "StopTec").identifier("ean", ean("425555500001"))
                .set(ProductField.FITMENT, List.of(
                        Map.of("Make", "BMW", "Model", "3 Series", "Year", "2012", "Engine", "2.0L"),
                        Map.of("Make", "BMW", "Model", "3 Series", "Year", "2013", "Engine", "2.0L"),
                        Map.of("Make", "BMW", "Model", "4 Series", "Year", "2014", "Engine", "2.0L")))
                .set(ProductField.SHIPPING_PROFILE, "Standard parcel DE").set(ProductField.RETURN_PROFILE, "14 days returns")
                .set(ProductField.VAT_PERCENT, new BigDecimal("19")).set(ProductField.WEIGHT_KG, new BigDecimal("1.2")).build());
        writes.add(product("BOOK-NORTHWIND", "The Northwind Passage (Paperback)", "<p>A novel of the northern seas. 384 pages.</p>",
                "12.00", 8).set(ProductField.IMAGES, List.of(IMG + "book-northwind.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("Books", "Fiction", "Adventure"))
                .identifier("isbn", ean("978316148410")).set(ProductField.VAT_PERCENT, new BigDecimal("7")).build());
        writes.add(product("YOGA-MAT-6MM", "Yoga Mat 6 mm, Non-Slip", "<p>TPE yoga mat, 183 × 61 cm, with carrying strap.</p>", "27.90", 0)
                .set(ProductField.IMAGES, List.of(IMG + "yoga-mat.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("Sports & Outdoors", "Fitness", "Yoga Mats"))
                .set(ProductField.ATTRIBUTES, Map.of("Color", List.of("Sage green"), "Thickness", List.of("6 mm")))
                .identifier("ean", ean("425123400403")).set(ProductField.ENABLED, false).build());
        writes.add(product("SKILLET-CAST-28", "Cast Iron Skillet 28 cm, Pre-Seasoned", "<p>Pre-seasoned cast iron for every hob and oven.</p>",
                "54.00", 6).set(ProductField.MSRP, new BigDecimal("69.00")).set(ProductField.IMAGES, List.of(IMG + "skillet.jpg"))
                .set(ProductField.CATEGORY_PATH, List.of("Home & Kitchen", "Cookware", "Skillets"))
                .identifier("ean", ean("425123400404")).identifier("brand", "Nordhaus").set(ProductField.GPSR, gpsr)
                .set(ProductField.LOT_SIZE, 1).set(ProductField.WEIGHT_KG, new BigDecimal("2.9")).build());
        return writes;
    }

    private static ProductWrite.Builder product(String sku, String title, String description, String price, int quantity) {
        return ProductWrite.of(sku, ProductWrite.Mode.UPSERT)
                .set(ProductField.TITLE, title).set(ProductField.DESCRIPTION, description)
                .set(ProductField.PRICE, new BigDecimal(price)).set(ProductField.QUANTITY, quantity)
                .set(ProductField.VAT_PERCENT, new BigDecimal("19"));
    }

    /** A 13-digit EAN from its first twelve digits. */
    private static String ean(String twelveDigits) {
        return twelveDigits + ProductRules.gtinCheckDigit(twelveDigits);
    }
}
