package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.tiktok.TiktokConnector;
import dev.omnisync.channel.tiktok.TiktokSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The connector contract for TikTok Shop against its sandbox. One product per call, so the batch limit is 1 and a
 * price+quantity change costs two calls (inventory and prices); variants of one product share those two calls.
 */
class TiktokConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.TIKTOK_SHOP;
    }

    @Override
    protected String currency() {
        return "GBP";
    }

    @Override
    protected String region() {
        return "GB";
    }

    @Override
    protected ChannelConnector newConnector() {
        TiktokSettings settings = new TiktokSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), null, null, Duration.ofMillis(200), null, null);
        return new TiktokConnector(new ChannelSettings(Map.of()), settings);
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return offer.path("ids").path("product_id").asString() + "/" + offer.path("ids").path("sku_id").asString();
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
        return OfferValues.builder().price(new BigDecimal("19.99"), "GBP").quantity(11)
                .title("Organic Cotton T-Shirt, Navy").description("<p>Soft organic cotton.</p>")
                .images(List.of("tos-maliva-i-o3syd03w52-us/abc123", "tos-maliva-i-o3syd03w52-us/abc124"))
                .category("600001")
                .gpsr(new OfferValues.Gpsr(
                        new OfferValues.Party("Acme Ltd", "1 High St", "London", "N1 9GU", "GB", "safety@acme.example", "+44201234567", null),
                        new OfferValues.Party("Acme EU GmbH", "Hauptstr. 1", "Berlin", "10115", "DE", "eu@acme.example", "+49301234567", null),
                        List.of(), List.of()))
                .build();
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        assertThat(offer.path("title").asString()).isEqualTo(sent.title());
        assertThat(offer.path("description").asString()).isEqualTo(sent.description());
        assertThat(offer.path("images").valueStream().map(JsonNode::asString).toList()).isEqualTo(sent.images());
        assertThat(offer.path("attributes").path("category_id").asString()).isEqualTo("600001");
        assertThat(offer.path("attributes").path("manufacturer_ids")).hasSize(1);
        assertThat(offer.path("attributes").path("responsible_person_ids")).hasSize(1);
    }

    @Test
    void variantsOfOneProductGoInOneCall() {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String size : List.of("S", "M", "L")) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("sku", "TS-NAVY-" + size);
            o.put("price", "10.00");
            o.put("quantity", 5);
            o.put("productId", "1729592969712207012");
            variants.add(o);
        }
        control.post("/offers", variants);
        List<ItemUpdate> updates = new ArrayList<>();
        long listing = 100;
        for (Map<String, Object> v : variants) {
            String sku = (String) v.get("sku");
            updates.add(new ItemUpdate(listing++, sku, channelRef(control.offer(sku)), "TS-NAVY", EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                    OfferValues.priceAndQuantity(new BigDecimal("12.50"), "GBP", 7)));
        }
        long before = control.stat("updateRequests");
        PushResult result = connector.push(account, updates);
        assertAllAccepted(result.outcomes());
        assertThat(control.stat("updateRequests") - before).as("one inventory and one price call for three variants").isEqualTo(2);
        for (Map<String, Object> v : variants) {
            JsonNode offer = control.offer((String) v.get("sku"));
            assertThat(offer.path("quantity").asInt()).isEqualTo(7);
            assertThat(offer.path("price").asString()).isEqualTo("12.50");
        }
    }

    @Test
    void quantitiesAboveTheChannelMaximumAreSentAsTheMaximum() {
        Map<String, String> refs = seed(List.of("BIG-1"));
        PushResult result = connector.push(account, List.of(update("BIG-1", refs.get("BIG-1"), EnumSet.of(FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(null, null, 250_000))));
        assertAllAccepted(result.outcomes());
        assertThat(control.offer("BIG-1").path("quantity").asInt()).isEqualTo(99_999);
    }
}
