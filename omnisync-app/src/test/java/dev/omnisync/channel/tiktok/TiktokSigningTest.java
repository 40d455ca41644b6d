package dev.omnisync.channel.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelNotification;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.wire.WireJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The worked examples of wire/tiktok-shop.md as test vectors, and the payload mapping. */
class TiktokSigningTest {

    @Test
    void officialVectorWithoutBody() {
        assertThat(TiktokClient.sign("e59af819cc", "/authorization/202309/shops",
                Map.of("app_key", "29a39d", "timestamp", "1623812664"), null))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    @Test
    void workedInventoryExampleSignsTheExactBody() {
        byte[] body = "{\"skus\":[{\"id\":\"1729592969712207013\",\"inventory\":[{\"warehouse_id\":\"7068517275539719942\",\"quantity\":25}]}]}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> q = Map.of("app_key", "6abc123def456", "shop_cipher", "ROW_demoCipher123", "timestamp", "1700000000",
                "sign", "ignored", "access_token", "ignored too");
        assertThat(TiktokClient.sign("s3cr3t-demo-0001", "/product/202309/products/1729592969712207012/inventory/update", q, body))
                .isEqualTo("1f4d70163e6f1990788408baab1400e03f7177fd7de83dc421de432908d24fc4");
    }

    @Test
    void workedGetExample() {
        assertThat(TiktokClient.sign("s3cr3t-demo-0001", "/order/202309/orders", Map.of("app_key", "6abc123def456",
                "ids", "576486316948490001", "shop_cipher", "ROW_demoCipher123", "timestamp", "1700000000"), null))
                .isEqualTo("486f00dd529629f3eee619dac9e497ae422d8f93d257cdc30e528c5d45c28c25");
    }

    @Test
    void ourInventoryPayloadMatchesTheWorkedExampleByteForByte() {
        ConnectorAccount account = new ConnectorAccount(1, Channel.TIKTOK_SHOP, "http://x", "GB", "GBP",
                Map.of("warehouseId", "7068517275539719942"));
        ItemUpdate u = new ItemUpdate(1, "TS-NAVY-M", "1729592969712207012/1729592969712207013", null, EnumSet.of(FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(null, null, 25));
        assertThat(new String(WireJson.write(TiktokConnector.inventory(List.of(u), account, 99_999)), StandardCharsets.UTF_8))
                .isEqualTo("{\"skus\":[{\"id\":\"1729592969712207013\",\"inventory\":[{\"warehouse_id\":\"7068517275539719942\",\"quantity\":25}]}]}");
        assertThat(new String(WireJson.write(TiktokConnector.prices(List.of(new ItemUpdate(1, "TS-NAVY-M",
                "1729592969712207012/1729592969712207013", null, EnumSet.of(FieldKey.PRICE),
                OfferValues.priceAndQuantity(new BigDecimal("19.9"), null, null))), "GBP")), StandardCharsets.UTF_8))
                .isEqualTo("{\"skus\":[{\"id\":\"1729592969712207013\",\"price\":{\"amount\":\"19.90\",\"currency\":\"GBP\"}}]}");
    }

    @Test
    void variantsAreGroupedByTheirProduct() {
        OfferValues v = OfferValues.priceAndQuantity(null, null, 1);
        List<ItemUpdate> updates = List.of(
                new ItemUpdate(1, "A-S", "100/1", null, EnumSet.of(FieldKey.QUANTITY), v),
                new ItemUpdate(2, "B-S", "200/3", null, EnumSet.of(FieldKey.QUANTITY), v),
                new ItemUpdate(3, "A-M", "2", "100", EnumSet.of(FieldKey.QUANTITY), v),
                new ItemUpdate(4, "X", null, "300", EnumSet.of(FieldKey.QUANTITY), v));
        Map<String, List<ItemUpdate>> groups = TiktokConnector.byProduct(updates);
        assertThat(groups.keySet()).containsExactly("100", "200");
        assertThat(groups.get("100")).extracting(ItemUpdate::sku).containsExactly("A-S", "A-M");
    }

    @Test
    void webhookVectorIsAcceptedAndATamperedOneRefused() {
        String body = "{\"type\":1,\"tts_notification_id\":\"7327112393057371910\",\"shop_id\":\"7494049642642441621\",\"timestamp\":1700000000,"
                + "\"data\":{\"order_id\":\"576486316948490001\",\"order_status\":\"AWAITING_SHIPMENT\",\"is_on_hold_order\":false,\"update_time\":1700000000}}";
        ConnectorAccount account = new ConnectorAccount(1, Channel.TIKTOK_SHOP, "http://x", "GB", "GBP",
                Map.of("appKey", "6abc123def456", "appSecret", "s3cr3t-demo-0001"));
        TiktokConnector connector = new TiktokConnector(new ChannelSettings(Map.of()), TiktokSettings.defaults());
        Optional<ChannelNotification> n = connector.verifyNotification(account,
                Map.of("authorization", "90b2b6fa125d9d7b0031d0ba985e3ea337a9796befcb16878c39d37bbd8d7087"), body.getBytes(StandardCharsets.UTF_8));
        assertThat(n).contains(new ChannelNotification("7327112393057371910", "ORDER_STATUS_CHANGE", "576486316948490001"));
        assertThat(connector.verifyNotification(account, Map.of("Authorization", "90b2b6fa125d9d7b0031d0ba985e3ea337a9796befcb16878c39d37bbd8d7087"),
                body.replace("0001\"", "0002\"").getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void ordersListOneLinePerUnitAndCancellationsByLine() {
        String json = "{\"id\":\"576486316948490001\",\"status\":\"AWAITING_SHIPMENT\",\"update_time\":1700000100,"
                + "\"payment\":{\"currency\":\"GBP\"},\"line_items\":["
                + "{\"id\":\"1\",\"seller_sku\":\"TS-NAVY-M\",\"sale_price\":\"19.99\",\"display_status\":\"AWAITING_SHIPMENT\"},"
                + "{\"id\":\"2\",\"seller_sku\":\"TS-NAVY-M\",\"sale_price\":\"19.99\",\"display_status\":\"CANCELLED\"}]}";
        ChannelOrder order = TiktokConnector.order(WireJson.tree(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(order.state()).isEqualTo(ChannelOrder.OrderState.OPEN);
        assertThat(order.lines()).hasSize(2).allSatisfy(l -> assertThat(l.quantity()).isEqualTo(1));
        assertThat(order.lines().get(1).cancelled()).isTrue();
        assertThat(order.currency()).isEqualTo("GBP");
    }
}
