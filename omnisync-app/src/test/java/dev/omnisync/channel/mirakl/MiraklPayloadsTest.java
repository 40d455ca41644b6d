package dev.omnisync.channel.mirakl;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mirakl files and readings against the examples of wire/mirakl.md. */
class MiraklPayloadsTest {

    @Test
    void theOf01FileLeavesCellsOfFieldsNotSentEmpty() {
        List<ItemUpdate> items = List.of(
                new ItemUpdate(1, "TS-NAVY-M", "9001", null, EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                        OfferValues.priceAndQuantity(new BigDecimal("19.99"), "EUR", 25)),
                new ItemUpdate(2, "TS-NAVY-L", "9002", null, EnumSet.of(FieldKey.QUANTITY), OfferValues.priceAndQuantity(new BigDecimal("5"), "EUR", 0)),
                new ItemUpdate(3, "Q\"uote", "9003", null, EnumSet.of(FieldKey.PRICE), OfferValues.priceAndQuantity(new BigDecimal("5"), "EUR", null)));
        assertThat(MiraklConnector.offerCsv(items)).isEqualTo("""
                "sku";"price";"quantity";"update-delete"
                "TS-NAVY-M";"19.99";"25";"update"
                "TS-NAVY-L";"";"0";"update"
                "Q""uote";"5.00";"";"update"
                """);
    }

    @Test
    void theProductFileHasACategoryAndOneColumnPerAttribute() {
        ItemUpdate u = new ItemUpdate(1, "TS-NAVY-M", "9001", null, EnumSet.of(FieldKey.CATEGORIES),
                OfferValues.builder().category("apparel-tshirts").attributes(Map.of("size", List.of("M"), "color", List.of("Navy", "Blue"))).build());
        assertThat(MiraklConnector.productCsv(List.of(u))).isEqualTo("""
                "shop_sku";"category";"color";"size"
                "TS-NAVY-M";"apparel-tshirts";"Navy|Blue";"M"
                """);
    }

    @Test
    void theErrorReportNamesTheFailedSkus() {
        String report = "\"sku\";\"price\";\"quantity\";\"update-delete\";\"error-message\"\r\n"
                + "\"TS-NAVY-L\";\"\";\"-3\";\"update\";\"The quantity must be a positive integer\"\r\n";
        assertThat(MiraklConnector.failedLines(report)).containsExactly(Map.entry("TS-NAVY-L", "The quantity must be a positive integer"));
        assertThat(MiraklConnector.failedLines("shop_sku;error\nA;bad category\n")).containsEntry("A", "bad category");
    }

    @Test
    void ordersCarryQuantitiesAndWaitingAcceptanceReservesStock() {
        ChannelOrder order = MiraklConnector.order(WireJson.tree(("{\"order_id\":\"DKFSLFKZ-SDF993-A\",\"order_state\":\"WAITING_ACCEPTANCE\","
                + "\"last_updated_date\":\"2023-11-14T11:14:03Z\",\"currency_iso_code\":\"EUR\",\"order_lines\":[{\"order_line_id\":\"L1\","
                + "\"offer_sku\":\"TS-NAVY-M\",\"quantity\":2,\"price_unit\":19.99,\"order_line_state\":\"WAITING_ACCEPTANCE\"}]}")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(order.state()).isEqualTo(ChannelOrder.OrderState.OPEN);
        assertThat(order.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.unitPrice()).isEqualByComparingTo("19.99");
        });
        ChannelOrder refused = MiraklConnector.order(WireJson.tree("{\"order_id\":\"X\",\"order_state\":\"REFUSED\",\"order_lines\":[]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.state()).isEqualTo(ChannelOrder.OrderState.CANCELLED);
    }
}
