package dev.omnisync.channel.ebay;

import java.util.List;

/** eBay Sell API wire records. Content objects are edited as JSON trees (read-modify-write keeps unknown fields). */
final class EbayPayloads {

    private EbayPayloads() {
    }

    /** {@code POST /sell/inventory/v1/bulk_update_price_quantity}. */
    record BulkPriceQuantity(List<PriceQuantity> requests) {
    }

    /** One SKU's price/quantity change. */
    record PriceQuantity(String sku, ShipToLocationAvailability shipToLocationAvailability, List<OfferPriceQuantity> offers) {
    }

    record ShipToLocationAvailability(Integer quantity) {
    }

    /** One offer's change; {@code price.value} is a decimal string. */
    record OfferPriceQuantity(String offerId, Integer availableQuantity, Amount price) {
    }

    /** eBay's money: value as a decimal string. */
    record Amount(String value, String currency) {
    }

    /** {@code PUT …/inventory_item/{sku}/product_compatibility}. */
    record Compatibility(List<CompatibleProduct> compatibleProducts) {
    }

    record CompatibleProduct(List<NameValue> compatibilityProperties, String notes) {
    }

    record NameValue(String name, String value) {
    }

    /** GPSR company (manufacturer or responsible person) inside {@code regulatory}. */
    record Company(String companyName, String addressLine1, String city, String postalCode, String country, String email,
            String phone, String contactUrl, List<String> types) {
    }

    record ProductSafety(List<String> statements) {
    }

    record Document(String documentId) {
    }

    /** Offer {@code regulatory} block. */
    record Regulatory(Company manufacturer, List<Company> responsiblePersons, ProductSafety productSafety, List<Document> documents) {
    }
}
