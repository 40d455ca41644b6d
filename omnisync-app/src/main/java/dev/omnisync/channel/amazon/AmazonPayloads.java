package dev.omnisync.channel.amazon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** Amazon SP-API wire records (Listings Items 2021-08-01, Feeds 2021-06-30). */
final class AmazonPayloads {

    private AmazonPayloads() {
    }

    /** {@code PATCH /listings/2021-08-01/items/{sellerId}/{sku}}. */
    record ListingsPatch(String productType, List<Patch> patches) {
    }

    /** One JSON patch on a top-level attribute; {@code value} is always an array of objects. */
    record Patch(String op, String path, List<?> value) {
        static Patch replace(String attribute, List<?> value) {
            return new Patch("replace", "/attributes/" + attribute, value);
        }
    }

    record FulfillmentAvailability(@JsonProperty("fulfillment_channel_code") String fulfillmentChannelCode, Integer quantity) {
    }

    record PurchasableOffer(@JsonProperty("marketplace_id") String marketplaceId, String currency, String audience,
            @JsonProperty("our_price") List<OurPrice> ourPrice) {
    }

    record OurPrice(List<Schedule> schedule) {
    }

    record Schedule(@JsonProperty("value_with_tax") BigDecimal valueWithTax) {
    }

    /** A text attribute in one language and marketplace (item_name, product_description, bullet_point). */
    record LocalizedValue(String value, @JsonProperty("language_tag") String languageTag,
            @JsonProperty("marketplace_id") String marketplaceId) {
    }

    /** A plain attribute value for one marketplace. */
    record MarketplaceValue(Object value, @JsonProperty("marketplace_id") String marketplaceId) {
    }

    record ImageLocator(@JsonProperty("media_location") String mediaLocation, @JsonProperty("marketplace_id") String marketplaceId) {
    }

    record ManufacturerReference(@JsonProperty("gpsr_manufacturer_email_address") String email,
            @JsonProperty("marketplace_id") String marketplaceId) {
    }

    /** {@code POST /feeds/2021-06-30/documents}. */
    record CreateFeedDocument(String contentType) {
    }

    /** {@code POST /feeds/2021-06-30/feeds}. */
    record CreateFeed(String feedType, List<String> marketplaceIds, String inputFeedDocumentId) {
    }

    /** The JSON_LISTINGS_FEED document. */
    record ListingsFeed(FeedHeader header, List<FeedMessage> messages) {
    }

    record FeedHeader(String sellerId, String version, String issueLocale) {
    }

    record FeedMessage(int messageId, String sku, String operationType, String productType, List<Patch> patches) {
    }
}
