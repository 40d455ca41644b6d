package dev.omnisync.channel.otto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.wire.WireJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OTTO payloads and readings against the examples of wire/otto.md. */
class OttoPayloadsTest {

    private static JsonNode json(String text) {
        return WireJson.tree(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pricesAreNumbersWithADecimalPointInEuro() {
        ItemUpdate u = new ItemUpdate(1, "TS-NAVY-M", null, null, EnumSet.of(FieldKey.PRICE),
                OfferValues.priceAndQuantity(new BigDecimal("10"), "EUR", null));
        assertThat(new String(WireJson.write(OttoConnector.prices(List.of(u))), StandardCharsets.UTF_8))
                .isEqualTo("[{\"sku\":\"TS-NAVY-M\",\"standardPrice\":{\"amount\":10.00,\"currency\":\"EUR\"}}]");
    }

    @Test
    void theTaskIdComesFromTheSelfLink() {
        assertThat(OttoConnector.taskId(json("{\"state\":\"pending\",\"links\":[{\"rel\":\"self\",\"href\":"
                + "\"/v5/products/update-tasks/05654b90-50c2-4a90-a37b-3f54c40b1892\"},{\"rel\":\"failed\",\"href\":\"/x/failed\"}]}")))
                .isEqualTo("05654b90-50c2-4a90-a37b-3f54c40b1892");
    }

    @Test
    void announcedItemsReserveStockAndCancelledOnesDoNot() {
        ChannelOrder order = OttoConnector.order(json("{\"salesOrderId\":\"9c5b\",\"lastModifiedDate\":\"2023-11-14T10:05:00.000+01:00\","
                + "\"positionItems\":[{\"positionItemId\":\"p1\",\"fulfillmentStatus\":\"ANNOUNCED\",\"itemValueGrossPrice\":{\"amount\":19.99,\"currency\":\"EUR\"},"
                + "\"product\":{\"sku\":\"TS-NAVY-M\"}},{\"positionItemId\":\"p2\",\"fulfillmentStatus\":\"CANCELLED_BY_MARKETPLACE\","
                + "\"itemValueGrossPrice\":{\"amount\":19.99,\"currency\":\"EUR\"},\"product\":{\"sku\":\"TS-NAVY-M\"}}]}"));
        assertThat(order.state()).isEqualTo(ChannelOrder.OrderState.OPEN);
        assertThat(order.changedAt()).isEqualTo("2023-11-14T09:05:00Z");
        assertThat(order.lines()).extracting(l -> l.cancelled()).containsExactly(false, true);
        assertThat(order.lines()).allSatisfy(l -> assertThat(l.quantity()).isEqualTo(1));
    }

    @Test
    void theNextCursorIsTakenFromTheNextLink() {
        assertThat(OttoConnector.nextCursor("/v4/orders?nextcursor=eyJvcmRlcklkIjoiLi4uIn0")).isEqualTo("eyJvcmRlcklkIjoiLi4uIn0");
        assertThat(OttoConnector.nextCursor("/v4/orders?limit=5&nextcursor=abc&x=1")).isEqualTo("abc");
        assertThat(OttoConnector.nextCursor(null)).isNull();
    }
}
