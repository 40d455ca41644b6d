package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.otto.OttoConnector;
import dev.omnisync.channel.otto.OttoSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The connector contract for OTTO Market against its sandbox. Quantities (≤200) are synchronous, prices (≤500) an
 * asynchronous task; both limits are lowered to 20 here so that "at the limit" and "one over" stay small, and a
 * price+quantity batch costs two calls (quantities and a price task).
 */
class OttoConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.OTTO;
    }

    @Override
    protected boolean asynchronous() {
        return true;
    }

    @Override
    protected boolean offersExposeQuantity() {
        return false;
    }

    @Override
    protected int updateCallsFor(int items) {
        return 2;
    }

    @Override
    protected ChannelConnector newConnector() {
        OttoSettings settings = new OttoSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), 20, null, null, null, Duration.ofMillis(200), null, Duration.ofMillis(200));
        ChannelSettings limits = new ChannelSettings(Map.of(Channel.OTTO,
                new ChannelSettings.LimitOverride(20, null, null, null, null, null, null, null)));
        return new OttoConnector(limits, settings);
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return offer.path("ids").path("moin").asString(null);
    }

    /** OTTO's policy has no optional fields: price and quantity are everything. */
    @Override
    protected OfferValues everyField(String sku) {
        return OfferValues.priceAndQuantity(new BigDecimal("19.99"), "EUR", 11);
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        assertThat(offer.path("currency").asString()).isEqualTo("EUR");
    }

    /**
     * Only prices are asynchronous on OTTO (quantities are answered at once, and their per-item refusals are
     * covered by {@code oneRejectedItemDoesNotFailItsBatch}), so the per-item async result is checked on prices.
     */
    @Override
    @Test
    void asyncJobsReportSuccessAndFailurePerItem() {
        List<String> skus = skus("ASYNC", asyncBatchSize());
        Map<String, String> refs = seed(skus);
        control.fault("REJECT_SKU", 1, "ASYNC-1", null);
        List<ItemUpdate> updates = new ArrayList<>();
        refs.forEach((sku, ref) -> updates.add(update(sku, ref, EnumSet.of(FieldKey.PRICE), OfferValues.priceAndQuantity(new BigDecimal("11.00"), "EUR", null))));
        PushResult result = connector.push(account, updates);
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o).isInstanceOf(PushOutcome.Pending.class));
        List<PushOutcome> settled = settle(result.outcomes());
        assertThat(settled.get(1)).isInstanceOfSatisfying(PushOutcome.Rejected.class, r -> assertThat(r.channelMessage()).isNotBlank());
        List<PushOutcome> others = new ArrayList<>(settled);
        others.remove(1);
        assertAllAccepted(others);
        assertThat(control.offer("ASYNC-0").path("price").asString()).isEqualTo("11.00");
        assertThat(control.offer("ASYNC-1").path("price").asString()).isEqualTo("10.00");
    }

    /** OTTO has no order webhooks for sellers: orders are polled, and nothing posted to us is taken as genuine. */
    @Override
    @Test
    void notificationsAreVerifiedAndForgeriesRefused() {
        byte[] body = "{\"salesOrderId\":\"9c5b2a1e\",\"fulfillmentStatus\":\"PROCESSABLE\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(connector.verifyNotification(account, Map.of("Authorization", "Bearer x"), body)).isEmpty();
        assertThat(connector.verifyNotification(account, Map.of(), body)).isEmpty();
    }

    @Test
    void aQuantityBatchRefusedForOneBadSkuIsSentAgainWithoutIt() {
        Map<String, String> refs = seed(List.of("Q-0", "Q-1"));
        List<ItemUpdate> updates = new ArrayList<>();
        updates.add(update("Q-0", refs.get("Q-0"), EnumSet.of(FieldKey.QUANTITY), OfferValues.priceAndQuantity(null, null, 3)));
        updates.add(update("UNKNOWN-SKU", null, EnumSet.of(FieldKey.QUANTITY), OfferValues.priceAndQuantity(null, null, 4)));
        updates.add(update("Q-1", refs.get("Q-1"), EnumSet.of(FieldKey.QUANTITY), OfferValues.priceAndQuantity(null, null, 5)));
        PushResult result = connector.push(account, updates);
        assertThat(result.outcomes().get(0)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(result.outcomes().get(1)).isInstanceOfSatisfying(PushOutcome.Rejected.class,
                r -> assertThat(r.channelMessage()).contains("UNKNOWN-SKU"));
        assertThat(result.outcomes().get(2)).isInstanceOf(PushOutcome.Accepted.class);
        assertThat(control.offer("Q-1").path("quantity").asInt()).isEqualTo(5);
    }
}
