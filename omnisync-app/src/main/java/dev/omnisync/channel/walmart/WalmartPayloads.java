package dev.omnisync.channel.walmart;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Walmart Marketplace wire records (inventory 1.4, price 1.7, MP_MAINTENANCE). */
final class WalmartPayloads {

    private WalmartPayloads() {
    }

    /** {@code PUT /v3/inventory} body and one entry of the inventory feed. */
    record Inventory(String sku, Quantity quantity) {
    }

    record Quantity(String unit, int amount) {
        static Quantity each(int amount) {
            return new Quantity("EACH", amount);
        }
    }

    /** {@code feedType=inventory}. */
    record InventoryFeed(@JsonProperty("InventoryHeader") Header inventoryHeader, @JsonProperty("Inventory") List<Inventory> inventory) {
    }

    record Header(String version) {
    }

    /** {@code feedType=price}. */
    record PriceFeed(@JsonProperty("PriceHeader") Header priceHeader, @JsonProperty("Price") List<Price> price) {
    }

    record Price(String sku, List<Pricing> pricing) {
    }

    record Pricing(String currentPriceType, Money currentPrice) {
    }

    record Money(String currency, BigDecimal amount) {
    }

    /** {@code feedType=MP_MAINTENANCE}. */
    record MaintenanceFeed(@JsonProperty("MPItemFeedHeader") MaintenanceHeader header, @JsonProperty("MPItem") List<MaintenanceItem> items) {
    }

    record MaintenanceHeader(String sellingChannel, String processMode, String subset, String locale, String version,
            String subCategory) {
    }

    /** One item: {@code Orderable} (sku, productName) and {@code Visible} (category key → content). */
    record MaintenanceItem(@JsonProperty("Orderable") Orderable orderable, @JsonProperty("Visible") Map<String, Visible> visible) {
    }

    record Orderable(String sku, String productName) {
    }

    record Visible(String shortDescription, String mainImageUrl, List<String> productSecondaryImageURL) {
    }
}
