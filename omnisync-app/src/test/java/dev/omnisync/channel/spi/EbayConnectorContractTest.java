package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.ebay.EbayConnector;
import dev.omnisync.channel.ebay.EbaySettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The connector contract for eBay against its sandbox. */
class EbayConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.EBAY;
    }

    @Override
    protected String currency() {
        return "USD";
    }

    @Override
    protected ChannelConnector newConnector() {
        EbaySettings settings = new EbaySettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), null, "EBAY_US", "en-US", null, 50, Duration.ofMillis(200), null, null);
        return new EbayConnector(new ChannelSettings(Map.of()), settings);
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return offer.path("ids").path("offerId").asString(null);
    }

    @Override
    protected OfferValues everyField(String sku) {
        return OfferValues.builder().price(new BigDecimal("19.99"), "USD").quantity(11)
                .title("Ceramic mug, red, 350 ml").description("<p>Dishwasher safe.</p>")
                .images(List.of("https://img.example.com/mug-red-1.jpg", "https://img.example.com/mug-red-2.jpg"))
                .identifiers(new OfferValues.Identifiers("4006381333931", null, null, null, "AC-MUG-350R", "Acme"))
                .category("20625").attributes(Map.of("Color", List.of("Red"), "Capacity", List.of("350 ml")))
                .gpsr(new OfferValues.Gpsr(
                        new OfferValues.Party("Acme GmbH", "Hauptstr. 1", "Berlin", "10115", "DE", "safety@acme.example", null, null),
                        new OfferValues.Party("Acme EU Rep", "Rue 2", "Paris", "75001", "FR", "rep@acme.example", null, null),
                        List.of("Keep away from fire."), List.of()))
                .shippingProfile("611").returnProfile("613")
                .fitment(List.of(new OfferValues.FitmentRow(Map.of("Make", "Ford", "Model", "Focus", "Year", "2012"), "front")))
                .vatPercent(new BigDecimal("19")).msrp(new BigDecimal("24.99")).lotSize(2)
                .build();
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        assertThat(offer.path("title").asString()).isEqualTo(sent.title());
        assertThat(offer.path("description").asString()).isEqualTo(sent.description());
        assertThat(offer.path("images").valueStream().map(JsonNode::asString).toList()).isEqualTo(sent.images());
        assertThat(offer.path("ean").asString()).isEqualTo("4006381333931");
        JsonNode attributes = offer.path("attributes");
        JsonNode product = attributes.path("inventoryItem").path("product");
        assertThat(product.path("brand").asString()).isEqualTo("Acme");
        assertThat(product.path("mpn").asString()).isEqualTo("AC-MUG-350R");
        assertThat(product.path("aspects").path("Color").path(0).asString()).isEqualTo("Red");
        assertThat(attributes.path("categoryId").asString()).isEqualTo("20625");
        assertThat(attributes.path("listingDescription").asString()).isEqualTo(sent.description());
        assertThat(attributes.path("listingPolicies").path("fulfillmentPolicyId").asString()).isEqualTo("611");
        assertThat(attributes.path("listingPolicies").path("returnPolicyId").asString()).isEqualTo("613");
        assertThat(attributes.path("regulatory").path("manufacturer").path("companyName").asString()).isEqualTo("Acme GmbH");
        assertThat(attributes.path("regulatory").path("responsiblePersons").path(0).path("types").path(0).asString())
                .isEqualTo("EUResponsiblePerson");
        assertThat(attributes.path("tax").path("vatPercentage").decimalValue()).isEqualByComparingTo("19");
        assertThat(attributes.path("lotSize").asInt()).isEqualTo(2);
        assertThat(attributes.path("originalRetailPrice").path("value").asString()).isEqualTo("24.99");
        assertThat(attributes.path("compatibility").path("compatibleProducts").path(0).path("compatibilityProperties")).isNotEmpty();
    }

    /** Inventory item and offer PUTs replace everything: content sent earlier must survive a later, smaller change. */
    @org.junit.jupiter.api.Test
    void contentSentEarlierSurvivesALaterChangeOfOtherFields() {
        Map<String, String> refs = seed(List.of("KEEP-1"));
        OfferValues all = everyField("KEEP-1");
        List<PushOutcome> first = pushAndSettle(List.of(update("KEEP-1", refs.get("KEEP-1"),
                EnumSet.of(FieldKey.IDENTIFIERS, FieldKey.CATEGORIES, FieldKey.GPSR, FieldKey.OTHER), all)));
        assertThat(first.get(0)).isInstanceOf(PushOutcome.Accepted.class);
        List<PushOutcome> second = pushAndSettle(List.of(update("KEEP-1", refs.get("KEEP-1"),
                EnumSet.of(FieldKey.TITLE, FieldKey.SHIPPING_POLICY, FieldKey.QUANTITY), all)));
        assertThat(second.get(0)).isInstanceOf(PushOutcome.Accepted.class);
        JsonNode offer = control.offer("KEEP-1");
        assertThat(offer.path("title").asString()).isEqualTo(all.title());
        assertThat(offer.path("quantity").asInt()).isEqualTo(all.quantity());
        assertThat(offer.path("ean").asString()).isEqualTo("4006381333931");
        JsonNode attributes = offer.path("attributes");
        assertThat(attributes.path("inventoryItem").path("product").path("brand").asString()).isEqualTo("Acme");
        assertThat(attributes.path("inventoryItem").path("product").path("aspects").path("Color").path(0).asString()).isEqualTo("Red");
        assertThat(attributes.path("regulatory").path("manufacturer").path("companyName").asString()).isEqualTo("Acme GmbH");
        assertThat(attributes.path("listingPolicies").path("fulfillmentPolicyId").asString()).isEqualTo("611");
        assertThat(attributes.path("categoryId").asString()).isEqualTo("20625");
        assertThat(attributes.path("lotSize").asInt()).isEqualTo(2);
        assertThat(attributes.path("originalRetailPrice").path("value").asString()).isEqualTo("24.99");
    }
}
