package dev.omnisync.channel.temu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.wire.WireJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The worked examples of wire/temu.md as test vectors, and the payload mapping. */
class TemuSigningTest {

    private static JsonNode json(String text) {
        return WireJson.tree(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void officialVector() {
        JsonNode body = json("{\"type\":\"bg.logistics.shipment.confirm\",\"app_key\":\"f9d5cc9313893a20d5aa85c654e8f503\","
                + "\"access_token\":\"2nifvmpyymvypwmcms5ct4uqqudrwgpmzbcnmkt1jzjkuaf3x56iixym\",\"timestamp\":1711009072,\"data_type\":\"JSON\","
                + "\"sendType\":0,\"sendRequestList\":[{\"orderSendInfoList\":[{\"quantity\":1,\"orderSn\":\"211-21905473070712792\","
                + "\"parentOrderSn\":\"PO-211-21905452099192792\",\"goodsId\":601099548666279,\"skuId\":17592352673534}],"
                + "\"carrierId\":\"699272611\",\"trackingNumber\":\"270324232756\"}]}");
        assertThat(TemuClient.sign("c7e0a1a63542be4de3cb5488f9fba8149e8fc290", body)).isEqualTo("4CCF219942D4180C6DDA3CE36C1B838F");
    }

    @Test
    void workedStockExampleThroughOurOwnBody() {
        ItemUpdate u = new ItemUpdate(1, "TS-NAVY-M", "601099512345678/17592186044417", null, EnumSet.of(FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(null, null, 25));
        TemuPayloads.StockEdit edit = TemuConnector.stockEdit(601099512345678L, List.of(u), 999_999, null);
        JsonNode body = TemuClient.body("bg.local.goods.stock.edit", "4d1a9c0e2b7f4c3a8e6d5b4a3c2e1f00", "demo-access-token-xyz",
                1700000000L, edit, "demo_secret_0123456789abcdef");
        assertThat(body.get("sign").asString()).isEqualTo("4970E918C55F56D1C019903B8391BD7F");
        assertThat(body.get("skuStockTargetList").toString()).isEqualTo("[{\"skuId\":17592186044417,\"stockTarget\":25}]");
        assertThat(body.has("requestUniqueKey")).isFalse();
    }

    @Test
    void webhookSignatureVectorAndDecryption() {
        String secret = "demo_secret_0123456789abcdef";
        String plain = "{\"mallId\":634418210000000,\"parentOrderSn\":\"PO-211-01234567890123456\",\"orderSn\":\"211-01234567890123456\","
                + "\"orderStatus\":3,\"updateTime\":1700000000}";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("eventData", plain);
        values.put("x-tm-app-key", "4d1a9c0e2b7f4c3a8e6d5b4a3c2e1f00");
        values.put("x-tm-event-code", "bg_order_status_change_event");
        values.put("x-tm-ext-param", "{}");
        values.put("x-tm-timestamp", "1700000000000");
        assertThat(TemuConnector.webhookSignature(secret, values)).isEqualTo("74017371e1db85cf03ff995af16f32e9c40042fc84c3c3cec16b865ddcf9418a");
        assertThat(TemuConnector.decrypt(secret, "a6m13xpXxllAGYIE45SReE264xgs/6kv3ke5WrQsKwxInXGa0PyfAt7tZbedR6Dt5mVSt+Bn+h168MwOtx3LM8by7GKMLYTwIS1LqmCngBmkl8k/FNvoVbFRKXfPzxcbNWiS1guFbZkT0IHxaklKiDb5I+w4Vl5oMWTpzgIcb1PTg0+qN6xBI7MiX0BsJmoF"))
                .isEqualTo(plain);
        assertThat(TemuConnector.decrypt(secret, "bm90IGVuY3J5cHRlZA==")).isNull();
    }

    @Test
    void partialUpdateCarriesSizeChartWeightAndCategory() {
        OfferValues v = OfferValues.builder().title("Organic Cotton T-Shirt Navy").description("<p>Soft organic cotton.</p><p>Regular fit.</p>")
                .images(List.of("https://img.kwcdn.com/a.jpg", "https://img.kwcdn.com/b.jpg", "https://img.kwcdn.com/c.jpg"))
                .sizeChart("https://img.kwcdn.com/size.jpg").weight(new OfferValues.Weight(new BigDecimal("0.18"), "KILOGRAM"))
                .category("29123").build();
        ItemUpdate u = new ItemUpdate(1, "TS-NAVY-M", "601099512345678/17592186044417", null,
                EnumSet.of(FieldKey.TITLE, FieldKey.DESCRIPTION, FieldKey.IMAGES, FieldKey.CATEGORIES), v);
        String json = new String(WireJson.write(TemuConnector.partialUpdate(601099512345678L, List.of(u))), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"goodsId\":601099512345678,\"goodsBasic\":{\"goodsName\":\"Organic Cotton T-Shirt Navy\","
                + "\"goodsGallery\":{\"goodsCarouselImage\":[\"https://img.kwcdn.com/a.jpg\",\"https://img.kwcdn.com/b.jpg\",\"https://img.kwcdn.com/c.jpg\"]},"
                + "\"catId\":29123},\"goodsDesc\":\"Soft organic cotton.\\nRegular fit.\",\"goodsSizeImage\":[\"https://img.kwcdn.com/size.jpg\"],"
                + "\"skuList\":[{\"skuId\":17592186044417,\"weight\":\"180\",\"weightUnit\":\"g\"}]}");
        ItemUpdate twoImages = new ItemUpdate(1, "X", "1/2", null, EnumSet.of(FieldKey.IMAGES),
                OfferValues.builder().images(List.of("a", "b")).build());
        assertThatThrownBy(() -> TemuConnector.partialUpdate(1, List.of(twoImages))).hasMessageContaining("3 to 10");
    }

    @Test
    void ordersReadTheSellerSkuFromExtCode() {
        JsonNode item = json("{\"parentOrderMap\":{\"parentOrderSn\":\"PO-211-1\",\"parentOrderStatus\":2,\"updateTime\":1700000100},"
                + "\"orderList\":[{\"orderSn\":\"211-1\",\"skuId\":1,\"quantity\":2,\"originalOrderQuantity\":2,\"orderStatus\":2,"
                + "\"productList\":[{\"extCode\":\"TS-NAVY-M\"}]}]}");
        ChannelOrder order = TemuConnector.order(item);
        assertThat(order.state()).isEqualTo(ChannelOrder.OrderState.OPEN);
        assertThat(order.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("TS-NAVY-M");
            assertThat(l.quantity()).isEqualTo(2);
        });
    }
}
