package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.mirakl.MiraklConnector;
import dev.omnisync.channel.mirakl.MiraklSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The connector contract for Mirakl against its sandbox. Real Mirakl takes one OF01 import a minute (the
 * dispatcher spaces pushes by the channel limit); the sandbox's once-a-minute limits are lifted here so the suite
 * runs in seconds, and the file size is lowered to 20 lines so "at the limit" and "one over" stay small.
 */
class MiraklConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.MIRAKL;
    }

    @Override
    protected boolean asynchronous() {
        return true;
    }

    @Override
    protected Map<String, Object> sandboxProperties() {
        return Map.of("omnisync.sandbox.processing-delay", "100ms", "omnisync.sandbox.mirakl.imports-per-minute", "100000",
                "omnisync.sandbox.mirakl.status-per-minute", "100000", "omnisync.sandbox.mirakl.orders-per-minute", "100000");
    }

    @Override
    protected ChannelConnector newConnector() {
        MiraklSettings settings = new MiraklSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), null, null, Duration.ofMillis(500), Duration.ofMillis(200), null, Duration.ofSeconds(1));
        ChannelSettings limits = new ChannelSettings(Map.of(Channel.MIRAKL,
                new ChannelSettings.LimitOverride(20, null, null, null, null, null, null, null)));
        return new MiraklConnector(limits, settings);
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return offer.path("ids").path("offer_id").asString(null);
    }

    @Override
    protected String secretCredential() {
        return "apiKey";
    }

    @Override
    protected OfferValues everyField(String sku) {
        return OfferValues.builder().price(new BigDecimal("19.99"), "EUR").quantity(11).category("apparel-tshirts")
                .attributes(Map.of("color", List.of("Navy"), "size", List.of("M"))).build();
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        assertThat(offer.path("attributes").path("category").asString()).isEqualTo("apparel-tshirts");
        assertThat(offer.path("attributes").path("color").asString()).isEqualTo("Navy");
        assertThat(offer.path("attributes").path("size").asString()).isEqualTo("M");
    }

    /** The MMP seller API has no webhooks: orders are polled (OR11), and nothing posted to us is taken as genuine. */
    @Override
    @Test
    void notificationsAreVerifiedAndForgeriesRefused() {
        byte[] body = "{\"order_id\":\"DKFSLFKZ-SDF993-A\",\"order_state\":\"WAITING_ACCEPTANCE\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(connector.verifyNotification(account, Map.of("Authorization", account.credential("apiKey")), body)).isEmpty();
        assertThat(connector.verifyNotification(account, Map.of(), body)).isEmpty();
    }

    @Test
    void onePushIsOnePartialUpdateImportThatKeepsTheFieldsNotSent() {
        Map<String, String> refs = seed(List.of("PU-PRICE", "PU-QTY", "PU-BOTH"));
        long before = control.stat("updateRequests");
        List<PushOutcome> outcomes = pushAndSettle(List.of(
                update("PU-PRICE", refs.get("PU-PRICE"), EnumSet.of(FieldKey.PRICE), OfferValues.priceAndQuantity(new BigDecimal("12.00"), "EUR", null)),
                update("PU-QTY", refs.get("PU-QTY"), EnumSet.of(FieldKey.QUANTITY), OfferValues.priceAndQuantity(null, null, 2)),
                update("PU-BOTH", refs.get("PU-BOTH"), EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                        OfferValues.priceAndQuantity(new BigDecimal("13.00"), "EUR", 3))));
        assertAllAccepted(outcomes);
        assertThat(control.stat("updateRequests") - before).as("one OF01 file for everything due").isEqualTo(1);
        JsonNode priceOnly = control.offer("PU-PRICE");
        assertThat(priceOnly.path("price").asString()).isEqualTo("12.00");
        assertThat(priceOnly.path("quantity").asInt()).as("quantity not sent, kept (OF24 would reset it)").isEqualTo(5);
        JsonNode quantityOnly = control.offer("PU-QTY");
        assertThat(quantityOnly.path("quantity").asInt()).isEqualTo(2);
        assertThat(quantityOnly.path("price").asString()).as("price not sent, kept").isEqualTo("10.00");
        assertThat(control.offer("PU-BOTH").path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void aStatusReadRefusedForTheMinuteStaysPending() {
        Map<String, String> refs = seed(List.of("MIN-1"));
        PushResult result = connector.push(account, List.of(priceQuantity("MIN-1", refs.get("MIN-1"), "9.00", 4)));
        PendingJob job = ((PushOutcome.Pending) result.outcomes().get(0)).job();
        sleep(300);
        control.fault("HTTP_429", 1, null, null);
        assertThat(connector.poll(account, job)).singleElement().isInstanceOf(PushOutcome.Pending.class);
        assertThat(settle(result.outcomes())).singleElement().isInstanceOf(PushOutcome.Accepted.class);
    }

    @Test
    void anOf01WhoseAnswerWasLostIsFoundInOf04AndNotSentTwice() {
        Map<String, String> refs = seed(List.of("LOST-1"));
        control.fault("SLOW", 1, null, 1200L);
        long before = control.stat("updateRequests");
        List<PushOutcome> outcomes = pushAndSettle(List.of(priceQuantity("LOST-1", refs.get("LOST-1"), "7.50", 6)));
        assertThat(outcomes.get(0)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(control.stat("updateRequests") - before).as("the slow file was taken; it is not sent again").isEqualTo(1);
        assertThat(control.offer("LOST-1").path("quantity").asInt()).isEqualTo(6);
    }
}
