package dev.omnisync.channel.spi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The values a connector may send for one offer, typed. Any of them may be null when its field is not sent.
 *
 * @param price          the price to post (the Selling Policy's result)
 * @param currency       ISO 4217 currency of {@code price} and {@code msrp}
 * @param quantity       the quantity to post
 * @param title          product title
 * @param description    product description (HTML allowed where the channel allows it)
 * @param images         image URLs, main image first
 * @param identifiers    EAN/UPC/GTIN/ISBN, MPN, brand
 * @param category       the channel's category id or path (Amazon: the product type)
 * @param attributes     item specifics / attributes: name to values
 * @param gpsr           EU General Product Safety Regulation details
 * @param shippingProfile the channel's shipping (fulfillment) policy id or name
 * @param returnProfile  the channel's return policy id or name
 * @param fitment        vehicle compatibility rows
 * @param vatPercent     VAT rate in percent
 * @param msrp           strike-through (list) price
 * @param lotSize        items sold together as one lot
 * @param sizeChart      size chart image URL or id
 * @param weight         shipping weight
 */
public record OfferValues(BigDecimal price, String currency, Integer quantity, String title, String description,
        List<String> images, Identifiers identifiers, String category, Map<String, List<String>> attributes, Gpsr gpsr,
        String shippingProfile, String returnProfile, List<FitmentRow> fitment, BigDecimal vatPercent, BigDecimal msrp,
        Integer lotSize, String sizeChart, Weight weight) {

    public OfferValues {
        images = images == null ? List.of() : List.copyOf(images);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        fitment = fitment == null ? List.of() : List.copyOf(fitment);
    }

    /** Price and quantity only, the common case. */
    public static OfferValues priceAndQuantity(BigDecimal price, String currency, Integer quantity) {
        return builder().price(price, currency).quantity(quantity).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Product identifiers.
     *
     * @param ean  EAN-13
     * @param upc  UPC-A
     * @param gtin GTIN-14
     * @param isbn ISBN
     * @param mpn  manufacturer part number
     * @param brand brand name
     */
    public record Identifiers(String ean, String upc, String gtin, String isbn, String mpn, String brand) {

        /** The best global trade item number available: GTIN, then EAN, then UPC, then ISBN. */
        public String anyGtin() {
            return gtin != null ? gtin : ean != null ? ean : upc != null ? upc : isbn;
        }
    }

    /**
     * GPSR details.
     *
     * @param manufacturer      the manufacturer
     * @param responsiblePerson the EU responsible person (may be null when the manufacturer is in the EU)
     * @param safetyStatements  safety information statements
     * @param documentIds       the channel's ids of uploaded safety documents
     */
    public record Gpsr(Party manufacturer, Party responsiblePerson, List<String> safetyStatements, List<String> documentIds) {

        public Gpsr {
            safetyStatements = safetyStatements == null ? List.of() : List.copyOf(safetyStatements);
            documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        }
    }

    /** A company with its postal address and contacts (GPSR manufacturer or responsible person). */
    public record Party(String name, String street, String city, String postalCode, String country, String email,
            String phone, String url) {

        /** The address on one line: "street, city, postal code, country". */
        public String addressLine() {
            return String.join(", ", java.util.stream.Stream.of(street, city, postalCode, country)
                    .filter(s -> s != null && !s.isBlank()).toList());
        }
    }

    /** One vehicle the part fits: name/value properties such as Make, Model, Year, Trim, Engine. */
    public record FitmentRow(Map<String, String> properties, String notes) {

        public FitmentRow {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    /** A weight with its unit ({@code KILOGRAM}, {@code POUND}, {@code GRAM}, {@code OUNCE}). */
    public record Weight(BigDecimal value, String unit) {
    }

    /** Builds values field by field; unset fields stay null. */
    public static final class Builder {
        private BigDecimal price;
        private String currency;
        private Integer quantity;
        private String title;
        private String description;
        private List<String> images;
        private Identifiers identifiers;
        private String category;
        private Map<String, List<String>> attributes;
        private Gpsr gpsr;
        private String shippingProfile;
        private String returnProfile;
        private List<FitmentRow> fitment;
        private BigDecimal vatPercent;
        private BigDecimal msrp;
        private Integer lotSize;
        private String sizeChart;
        private Weight weight;

        private Builder() {
        }

        public Builder price(BigDecimal price, String currency) {
            this.price = price;
            this.currency = currency;
            return this;
        }

        public Builder quantity(Integer quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder images(List<String> images) {
            this.images = images;
            return this;
        }

        public Builder identifiers(Identifiers identifiers) {
            this.identifiers = identifiers;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder attributes(Map<String, List<String>> attributes) {
            this.attributes = attributes;
            return this;
        }

        public Builder gpsr(Gpsr gpsr) {
            this.gpsr = gpsr;
            return this;
        }

        public Builder shippingProfile(String shippingProfile) {
            this.shippingProfile = shippingProfile;
            return this;
        }

        public Builder returnProfile(String returnProfile) {
            this.returnProfile = returnProfile;
            return this;
        }

        public Builder fitment(List<FitmentRow> fitment) {
            this.fitment = fitment;
            return this;
        }

        public Builder vatPercent(BigDecimal vatPercent) {
            this.vatPercent = vatPercent;
            return this;
        }

        public Builder msrp(BigDecimal msrp) {
            this.msrp = msrp;
            return this;
        }

        public Builder lotSize(Integer lotSize) {
            this.lotSize = lotSize;
            return this;
        }

        public Builder sizeChart(String sizeChart) {
            this.sizeChart = sizeChart;
            return this;
        }

        public Builder weight(Weight weight) {
            this.weight = weight;
            return this;
        }

        public OfferValues build() {
            return new OfferValues(price, currency, quantity, title, description, images, identifiers, category, attributes,
                    gpsr, shippingProfile, returnProfile, fitment, vatPercent, msrp, lotSize, sizeChart, weight);
        }
    }
}
