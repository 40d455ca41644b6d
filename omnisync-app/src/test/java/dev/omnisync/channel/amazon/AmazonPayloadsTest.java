package dev.omnisync.channel.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** Amazon patch mapping, throttling advice and order reading. */
class AmazonPayloadsTest {

    @Test
    void priceAndQuantityPatchesHaveTheDocumentedShape() {
        ItemUpdate u = new ItemUpdate(1, "MUG-RED-01", null, null, EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(new BigDecimal("12.99"), "USD", 17));
        String json = new String(WireJson.write(new AmazonPayloads.ListingsPatch("HOME",
                AmazonConnector.patches(u, "ATVPDKIKX0DER", "en_US", "USD"))), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"productType\":\"HOME\",\"patches\":["
                + "{\"op\":\"replace\",\"path\":\"/attributes/fulfillment_availability\",\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":17}]},"
                + "{\"op\":\"replace\",\"path\":\"/attributes/purchasable_offer\",\"value\":[{\"marketplace_id\":\"ATVPDKIKX0DER\",\"currency\":\"USD\","
                + "\"audience\":\"ALL\",\"our_price\":[{\"schedule\":[{\"value_with_tax\":12.99}]}]}]}]}");
    }

    @Test
    void onlyTheSentFieldsArePatched() {
        ItemUpdate u = new ItemUpdate(1, "MUG", null, null, EnumSet.of(FieldKey.TITLE, FieldKey.IMAGES),
                OfferValues.builder().title("Mug").description("not sent").price(new BigDecimal("1"), "USD")
                        .images(List.of("https://i/1.jpg", "https://i/2.jpg")).build());
        List<String> paths = AmazonConnector.patches(u, "A1PA6795UKMFR9", "de_DE", "EUR").stream().map(AmazonPayloads.Patch::path).toList();
        assertThat(paths).containsExactly("/attributes/item_name", "/attributes/main_product_image_locator",
                "/attributes/other_product_image_locator_1");
    }

    @Test
    void a429IsPacedFromTheRateLimitHeader() {
        AmazonErrors errors = new AmazonErrors(AmazonSettings.defaults());
        HttpHeaders ok = new HttpHeaders();
        ok.set("x-amzn-RateLimit-Limit", "0.5");
        assertThat(errors.classify(1, new WireResponse(200, ok, new byte[0]))).isEqualTo(Verdict.OK);
        byte[] quota = "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the requested resource.\",\"details\":\"\"}]}"
                .getBytes();
        assertThat(errors.classify(1, new WireResponse(429, new HttpHeaders(), quota)))
                .as("one token at the plan rate of the last answer").isInstanceOfSatisfying(Verdict.Retryable.class,
                        r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(2)));
        assertThat(errors.classify(2, new WireResponse(429, new HttpHeaders(), quota)))
                .as("no advice at all: exponential from the throttle backoff").isInstanceOfSatisfying(Verdict.Retryable.class,
                        r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(errors.classify(3, new WireResponse(403, new HttpHeaders(), new byte[0]))).isInstanceOf(Verdict.AuthExpired.class);
        assertThat(errors.classify(3, new WireResponse(400, new HttpHeaders(),
                "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Invalid marketplaceIds\",\"details\":\"\"}]}".getBytes())))
                .isEqualTo(new Verdict.Permanent("InvalidInput", "InvalidInput: Invalid marketplaceIds"));
    }

    @Test
    void ordersCombineOrderAndItems() {
        JsonNode order = WireJson.tree(("{\"AmazonOrderId\":\"902-3159896-1390916\",\"LastUpdateDate\":\"2024-05-02T09:16:40Z\","
                + "\"OrderStatus\":\"Canceled\",\"OrderTotal\":{\"CurrencyCode\":\"USD\",\"Amount\":\"25.98\"}}").getBytes());
        JsonNode item = WireJson.tree(("{\"SellerSKU\":\"MUG-RED-01\",\"OrderItemId\":\"68828574383266\",\"QuantityOrdered\":2,"
                + "\"ItemPrice\":{\"CurrencyCode\":\"USD\",\"Amount\":\"25.98\"}}").getBytes());
        ChannelOrder o = AmazonConnector.order(order, List.of(item));
        assertThat(o.state()).isEqualTo(ChannelOrder.OrderState.CANCELLED);
        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("MUG-RED-01");
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.unitPrice()).isEqualByComparingTo("12.99");
        });
    }
}
