package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.temu.TemuConnector;
import dev.omnisync.channel.temu.TemuSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The connector contract for Temu against its sandbox. One goods per call, so the batch limit is 1 and a
 * price+quantity change costs two router calls (stock edit and price change); SKUs of one goods share them.
 */
class TemuConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.TEMU;
    }

    @Override
    protected ChannelConnector newConnector() {
        TemuSettings settings = new TemuSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), null, null, null, Duration.ofMillis(200), null);
        return new TemuConnector(new ChannelSettings(Map.of()), settings);
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return offer.path("ids").path("goodsId").asString() + "/" + offer.path("ids").path("skuId").asString();
    }

    @Override
    protected int updateCallsFor(int items) {
        return 2;
    }

    @Override
    protected boolean offersExposeGtin() {
        return false;
    }

    @Override
    protected String secretCredential() {
        return "appSecret";
    }

    @Override
    protected OfferValues everyField(String sku) {
        return OfferValues.builder().price(new BigDecimal("15.99"), "EUR").quantity(11)
                .title("Organic Cotton T-Shirt Navy").description("Soft organic cotton, regular fit.")
                .images(List.of("https://img.kwcdn.com/local-goods-img/a.jpg", "https://img.kwcdn.com/local-goods-img/b.jpg",
                        "https://img.kwcdn.com/local-goods-img/c.jpg"))
                .sizeChart("https://img.kwcdn.com/local-goods-img/size.jpg")
                .weight(new OfferValues.Weight(new BigDecimal("180"), "GRAM"))
                .category("29123")
                .build();
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        assertThat(offer.path("title").asString()).isEqualTo(sent.title());
        assertThat(offer.path("description").asString()).isEqualTo(sent.description());
        assertThat(offer.path("images").valueStream().map(JsonNode::asString).toList()).isEqualTo(sent.images());
        assertThat(offer.path("attributes").path("goodsSizeImage").get(0).asString()).isEqualTo(sent.sizeChart());
        assertThat(offer.path("attributes").path("sku").path("weight").asString()).isEqualTo("180");
        assertThat(offer.path("attributes").path("sku").path("weightUnit").asString()).isEqualTo("g");
        assertThat(offer.path("attributes").path("catId").asString()).isEqualTo("29123");
    }

    /**
     * Temu encrypts {@code eventData}, so the generic forgery (editing the order id in the body) cannot apply: here
     * the ciphertext, the signed headers and the signature are tampered with instead.
     */
    @Override
    @Test
    void notificationsAreVerifiedAndForgeriesRefused() {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            subscribe(account, hook.url());
            seed(List.of("NTF-1"));
            String orderId = control.post("/orders", Map.of("lines", List.of(Map.of("sku", "NTF-1", "quantity", 1))))
                    .path("orderId").asString();
            WebhookReceiver.Delivery delivery = hook.next(Duration.ofSeconds(10));
            var notification = connector.verifyNotification(account, delivery.headers(), delivery.body());
            assertThat(notification).as("a genuine delivery is accepted").isPresent();
            assertThat(notification.get().topic()).isEqualTo("bg_order_status_change_event");
            assertThat(notification.get().channelOrderId()).isEqualTo(orderId);

            String body = new String(delivery.body(), StandardCharsets.UTF_8);
            String data = WireJsonAccess.text(body, "eventData");
            char c = data.charAt(5);
            String flipped = body.replace(data, data.substring(0, 5) + (c == 'A' ? 'B' : 'A') + data.substring(6));
            assertThat(connector.verifyNotification(account, delivery.headers(), flipped.getBytes(StandardCharsets.UTF_8)))
                    .as("altered ciphertext is refused").isEmpty();
            Map<String, String> otherEvent = new HashMap<>(delivery.headers());
            otherEvent.replaceAll((k, v) -> k.equalsIgnoreCase("x-tm-event-code") ? "bg_cancel_order_status_change" : v);
            assertThat(connector.verifyNotification(account, otherEvent, delivery.body())).as("an altered signed header is refused").isEmpty();
            assertThat(connector.verifyNotification(account, Map.of(), delivery.body())).as("an unsigned delivery is refused").isEmpty();
        }
    }

    /** Reads one text field of a JSON body without the connector's classes. */
    private static final class WireJsonAccess {
        static String text(String json, String field) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).path(field).asString();
        }
    }

    @Test
    void variantsOfOneGoodsGoInOneCall() {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String size : List.of("S", "M", "L")) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("sku", "TS-NAVY-" + size);
            o.put("price", "10.00");
            o.put("quantity", 5);
            o.put("goodsId", 601099512345678L);
            variants.add(o);
        }
        control.post("/offers", variants);
        List<ItemUpdate> updates = new ArrayList<>();
        long listing = 100;
        for (Map<String, Object> v : variants) {
            String sku = (String) v.get("sku");
            updates.add(new ItemUpdate(listing++, sku, channelRef(control.offer(sku)), "TS-NAVY", EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                    OfferValues.priceAndQuantity(new BigDecimal("12.50"), "EUR", 7)));
        }
        long before = control.stat("updateRequests");
        long requestsBefore = control.stat("requests");
        PushResult result = connector.push(account, updates);
        assertAllAccepted(result.outcomes());
        assertThat(control.stat("updateRequests") - before).as("one stock edit and one price change for three SKUs").isEqualTo(2);
        assertThat(control.stat("requests") - requestsBefore).isEqualTo(2);
        for (Map<String, Object> v : variants) {
            JsonNode offer = control.offer((String) v.get("sku"));
            assertThat(offer.path("quantity").asInt()).isEqualTo(7);
            assertThat(offer.path("price").asString()).isEqualTo("12.50");
        }
    }
}
