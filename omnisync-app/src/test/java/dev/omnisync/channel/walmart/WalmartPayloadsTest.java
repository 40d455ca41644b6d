package dev.omnisync.channel.walmart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Walmart payload mapping, error shapes and webhook authentication. */
class WalmartPayloadsTest {

    private final WalmartConnector connector = new WalmartConnector(new ChannelSettings(Map.of()), WalmartSettings.defaults());

    @Test
    void inventoryAndPriceFeedsHaveTheDocumentedShape() {
        ItemUpdate u = new ItemUpdate(1, "MUG-RED-01", null, null, EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(new BigDecimal("12.99"), "USD", 17));
        assertThat(new String(WireJson.write(connector.inventoryFeed(List.of(u))), StandardCharsets.UTF_8)).isEqualTo(
                "{\"InventoryHeader\":{\"version\":\"1.4\"},\"Inventory\":[{\"sku\":\"MUG-RED-01\",\"quantity\":{\"unit\":\"EACH\",\"amount\":17}}]}");
        assertThat(new String(WireJson.write(connector.priceFeed(List.of(u), "USD")), StandardCharsets.UTF_8)).isEqualTo(
                "{\"PriceHeader\":{\"version\":\"1.7\"},\"Price\":[{\"sku\":\"MUG-RED-01\",\"pricing\":[{\"currentPriceType\":\"BASE\","
                        + "\"currentPrice\":{\"currency\":\"USD\",\"amount\":12.99}}]}]}");
    }

    @Test
    void maintenanceFeedCarriesOnlyTheSentContent() {
        ItemUpdate u = new ItemUpdate(1, "MUG-RED-01", null, null, EnumSet.of(FieldKey.TITLE),
                OfferValues.builder().title("Mug").description("not sent").build());
        String json = new String(WireJson.write(connector.maintenanceFeed(List.of(u))), StandardCharsets.UTF_8);
        assertThat(json).contains("\"productName\":\"Mug\"").doesNotContain("not sent").contains("\"sellingChannel\":\"mpmaintenance\"");
    }

    @Test
    void errorsAreReadInAllThreeShapes() {
        String array = "{\"errors\":[{\"code\":\"INVALID_REQUEST_PARAM.GMP_INVENTORY_API\",\"description\":\"bad sku\"}]}";
        String nested = "{\"errors\":{\"error\":[{\"code\":\"CONTENT_NOT_FOUND\",\"description\":\"no item\"}]}}";
        String single = "{\"errors\":{\"error\":{\"code\":\"FORBIDDEN.GMP_GATEWAY_API\",\"description\":\"denied\"}}}";
        assertThat(WalmartErrors.code(WireJson.tree(array.getBytes()), 400)).isEqualTo("INVALID_REQUEST_PARAM.GMP_INVENTORY_API");
        assertThat(WalmartErrors.code(WireJson.tree(nested.getBytes()), 404)).isEqualTo("CONTENT_NOT_FOUND");
        assertThat(WalmartErrors.message(WireJson.tree(single.getBytes()), null)).contains("denied");
    }

    @Test
    void a429WaitsForTheNextReplenishment() {
        Instant now = Instant.parse("2024-05-02T09:20:00Z");
        WalmartErrors errors = new WalmartErrors(WalmartSettings.defaults(), Clock.fixed(now, ZoneOffset.UTC));
        HttpHeaders h = new HttpHeaders();
        h.set("x-next-replenishment-time", String.valueOf(now.toEpochMilli() + 7_500));
        Verdict v = errors.classify(1, new WireResponse(429, h, new byte[0]));
        assertThat(v).isInstanceOfSatisfying(Verdict.Retryable.class, r -> assertThat(r.delay()).isEqualTo(Duration.ofMillis(7_500)));
        Verdict silent = errors.classify(2, new WireResponse(429, new HttpHeaders(), new byte[0]));
        Verdict again = errors.classify(2, new WireResponse(429, new HttpHeaders(), new byte[0]));
        assertThat(((Verdict.Retryable) again).delay()).as("backs off exponentially without advice")
                .isEqualTo(((Verdict.Retryable) silent).delay().multipliedBy(2));
    }

    @Test
    void ordersReadStringQuantitiesEpochMillisAndLineCancellations() {
        String json = """
                {"purchaseOrderId":"1796277083022","orderDate":1714641302000,"orderLines":{"orderLine":[
                 {"lineNumber":"1","item":{"sku":"MUG-RED-01"},"orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"2"},
                  "charges":{"charge":[{"chargeType":"PRODUCT","chargeAmount":{"currency":"USD","amount":12.99}}]},
                  "statusDate":1714641400000,"orderLineStatuses":{"orderLineStatus":[{"status":"Created"}]}},
                 {"lineNumber":"2","item":{"sku":"MUG-BLU-01"},"orderLineQuantity":{"amount":"1"},
                  "statusDate":1714641500000,"orderLineStatuses":{"orderLineStatus":[{"status":"Cancelled"}]}}]}}""";
        ChannelOrder order = WalmartConnector.order(WireJson.tree(json.getBytes()));
        assertThat(order.channelOrderId()).isEqualTo("1796277083022");
        assertThat(order.state()).isEqualTo(ChannelOrder.OrderState.OPEN);
        assertThat(order.changedAt()).isEqualTo(Instant.ofEpochMilli(1714641500000L));
        assertThat(order.lines().get(0).quantity()).isEqualTo(2);
        assertThat(order.lines().get(0).unitPrice()).isEqualByComparingTo("12.99");
        assertThat(order.lines().get(1).cancelled()).isTrue();
    }

    @Test
    void webhooksAreAuthenticatedByHmacOfTheBody() throws Exception {
        ConnectorAccount account = new ConnectorAccount(3, Channel.WALMART, "https://marketplace.walmartapis.com", null, "USD",
                Map.of("clientId", "id", "clientSecret", "cs", "webhookSecret", "shared-secret"));
        byte[] body = "{\"source\":{\"eventType\":\"PO_CREATED\",\"eventId\":\"6a1f\"},\"payload\":{\"purchaseOrderId\":\"1796277083022\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] mac = WalmartConnector.hmacSha256("shared-secret", body);
        assertThat(connector.verifyNotification(account, Map.of("X-Walmart-Auth", HexFormat.of().formatHex(mac)), body))
                .hasValueSatisfying(n -> {
                    assertThat(n.topic()).isEqualTo("PO_CREATED");
                    assertThat(n.channelOrderId()).isEqualTo("1796277083022");
                    assertThat(n.notificationId()).isEqualTo("6a1f");
                });
        assertThat(connector.verifyNotification(account, Map.of("x-walmart-auth", Base64.getEncoder().encodeToString(mac)), body)).isPresent();
        assertThat(connector.verifyNotification(account, Map.of("X-Walmart-Auth", HexFormat.of().formatHex(
                WalmartConnector.hmacSha256("other", body))), body)).isEmpty();
        assertThat(connector.verifyNotification(account, Map.of(), body)).isEmpty();
    }
}
