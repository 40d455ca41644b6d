package dev.omnisync.catalog.web;

import dev.omnisync.catalog.Gpsr;
import dev.omnisync.catalog.Identifiers;
import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.StockLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product as the API answers it: the written fields, the stock ledger ({@code onHand}, {@code reserved} with the
 * order lines holding it in {@code reservedBy}, {@code available}, and {@code ledger}, the arithmetic in words) and
 * the variants' SKUs.
 */
record ProductView(
        String sku,
        String parentSku,
        String title,
        String description,
        List<String> images,
        BigDecimal price,
        BigDecimal salePrice,
        BigDecimal msrp,
        int quantity,
        int onHand,
        int reserved,
        int available,
        List<StockLedger.Reservation> reservedBy,
        String ledger,
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
        List<String> variants,
        long version,
        Instant updatedAt) {

    static ProductView of(Product p, List<String> variants, List<StockLedger.Reservation> reservations) {
        return new ProductView(p.sku(), p.parentSku(), p.title(), p.description(), p.images(), money(p.price()),
                money(p.salePrice()), money(p.msrp()), p.onHand(), p.onHand(), p.reserved(), p.available(),
                reservations == null ? List.of() : reservations, StockLedger.arithmetic(p), p.identifiers(),
                p.categoryPath(), p.attributes(), p.gpsr(), p.shippingProfile(), p.returnProfile(), p.fitment(),
                p.vatPercent(), p.lotSize(), p.sizeChart(), p.weightKg(), p.enabled(),
                variants == null ? List.of() : variants, p.version(), p.updatedAt());
    }

    /** Money reads as it is written in shops: at least two decimals ("17.50", "5.00"). */
    private static BigDecimal money(BigDecimal value) {
        return value == null || value.scale() >= 2 ? value : value.setScale(2);
    }
}
