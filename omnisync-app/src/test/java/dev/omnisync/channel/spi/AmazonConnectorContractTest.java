package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.amazon.AmazonConnector;
import dev.omnisync.channel.amazon.AmazonSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The connector contract for Amazon against its sandbox. The feed limit (25,000 messages) is lowered to 40 so that
 * "at the limit" and "one over" stay small; small sets go as paced PATCHes, anything over 25 items as a feed.
 */
class AmazonConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.AMAZON;
    }

    @Override
    protected String currency() {
        return "USD";
    }

    @Override
    protected boolean asynchronous() {
        return true;
    }

    @Override
    protected int asyncBatchSize() {
        return 30;
    }

    @Override
    protected ChannelConnector newConnector() {
        AmazonSettings settings = new AmazonSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), null, null, null, null, 25, null, null, Duration.ofMillis(200), Duration.ofMillis(200), null, null, Duration.ZERO);
        ChannelSettings limits = new ChannelSettings(Map.of(Channel.AMAZON,
                new ChannelSettings.LimitOverride(40, null, null, null, null, null, null, null)));
        return new AmazonConnector(limits, settings);
    }

    @Override
    protected Map<String, Object> sandboxProperties() {
        return Map.of("omnisync.sandbox.processing-delay", "100ms", "omnisync.sandbox.amazon.order-lag", "0s");
    }

    @Override
    protected boolean signsNotifications() {
        return false;
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return null;
    }

    @Override
    protected OfferValues everyField(String sku) {
        return OfferValues.builder().price(new BigDecimal("19.99"), "USD").quantity(11)
                .title("Ceramic mug, red, 350 ml").description("Dishwasher safe.")
                .images(List.of("https://img.example.com/mug-red-1.jpg", "https://img.example.com/mug-red-2.jpg"))
                .gpsr(new OfferValues.Gpsr(
                        new OfferValues.Party("Acme GmbH", "Hauptstr. 1", "Berlin", "10115", "DE", "safety@acme.example", null, null),
                        new OfferValues.Party("Acme EU Rep", "Rue 2", "Paris", "75001", "FR", "rep@acme.example", null, null),
                        List.of(), List.of()))
                .attributes(Map.of("color", List.of("Red"), "material", List.of("Ceramic")))
                .build();
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        JsonNode ready = awaitOffer(offer.path("sku").asString(), o -> sent.title().equals(o.path("title").asString(null)));
        assertThat(ready.path("title").asString()).isEqualTo(sent.title());
        assertThat(ready.path("description").asString()).isEqualTo(sent.description());
        assertThat(ready.path("images").path(0).asString()).isEqualTo(sent.images().get(0));
        JsonNode attributes = ready.path("attributes");
        assertThat(attributes.path("other_product_image_locator_1").path(0).path("media_location").asString()).isEqualTo(sent.images().get(1));
        assertThat(attributes.path("gpsr_safety_attestation").path(0).path("value").asBoolean()).isTrue();
        assertThat(attributes.path("gpsr_manufacturer_reference").path(0).path("gpsr_manufacturer_email_address").asString())
                .isEqualTo("safety@acme.example");
        assertThat(attributes.path("dsa_responsible_party_address").path(0).path("value").asString()).isEqualTo("rep@acme.example");
        assertThat(attributes.path("color").path(0).path("value").asString()).isEqualTo("Red");
        assertThat(attributes.path("material").path(0).path("value").asString()).isEqualTo("Ceramic");
    }

    @org.junit.jupiter.api.Test
    void quantityCutsInABigBatchGoAsPatchesAheadOfTheFeed() {
        Map<String, String> refs = seed(skus("CUT", 30));
        List<ItemUpdate> updates = new java.util.ArrayList<>();
        int i = 0;
        for (var e : refs.entrySet()) {
            boolean cut = i++ < 4;
            updates.add(new ItemUpdate(1000 + i, e.getKey(), e.getValue(), null, java.util.EnumSet.of(FieldKey.QUANTITY),
                    OfferValues.priceAndQuantity(null, currency(), cut ? 0 : 9), cut ? 5 : 5 - 1));
        }
        PushResult result = connector.push(account, updates);
        long accepted = result.outcomes().stream().filter(o -> o instanceof PushOutcome.Accepted).count();
        long pending = result.outcomes().stream().filter(o -> o instanceof PushOutcome.Pending).count();
        org.assertj.core.api.Assertions.assertThat(accepted).as("the four cuts, patched at once").isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(pending).as("the rest, in one feed").isEqualTo(26);
    }
}
