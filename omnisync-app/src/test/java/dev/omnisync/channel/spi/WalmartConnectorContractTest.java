package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.walmart.WalmartConnector;
import dev.omnisync.channel.walmart.WalmartSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The connector contract for Walmart against its sandbox. The feed size (10,000 items) is lowered to 20 so that
 * "at the limit" and "one over" stay small; a price+quantity batch costs two feeds (inventory and price).
 */
class WalmartConnectorContractTest extends ConnectorContract {

    @Override
    protected Channel channel() {
        return Channel.WALMART;
    }

    @Override
    protected String currency() {
        return "USD";
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
        WalmartSettings settings = new WalmartSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(50),
                Duration.ofSeconds(1), null, 10, null, null, null, "Kitchen & Dining", null, Duration.ofMillis(200),
                Duration.ofMillis(200), null, null, null);
        ChannelSettings limits = new ChannelSettings(Map.of(Channel.WALMART,
                new ChannelSettings.LimitOverride(20, null, null, null, null, null, null, null)));
        return new WalmartConnector(limits, settings);
    }

    @Override
    protected Map<String, String> webhookCredentials(String url) {
        return Map.of("webhookSecret", "hook-secret-123");
    }

    /** Subscribes through Walmart's own route with HMAC authentication, as a real account is set up. */
    @Override
    protected void subscribe(ConnectorAccount account, String url) {
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String basic = java.util.Base64.getEncoder().encodeToString((account.credential("clientId") + ":"
                    + account.credential("clientSecret")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var token = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(account.baseUrl() + "/v3/token"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json").header("WM_SVC.NAME", "test").header("WM_QOS.CORRELATION_ID", "c1")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            String accessToken = tools.jackson.databind.json.JsonMapper.builder().build().readTree(token).path("access_token").asString();
            String body = "{\"events\":[{\"eventType\":\"PO_CREATED\",\"eventVersion\":\"V1\",\"resourceName\":\"ORDER\","
                    + "\"eventUrl\":\"" + url + "\",\"status\":\"ACTIVE\",\"authDetails\":{\"authMethod\":\"HMAC\","
                    + "\"clientSecret\":\"hook-secret-123\",\"authHeaderName\":\"X-Walmart-Auth\"}}]}";
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(account.baseUrl() + "/v3/webhooks/subscriptions"))
                    .header("WM_SEC.ACCESS_TOKEN", accessToken).header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("WM_SVC.NAME", "test").header("WM_QOS.CORRELATION_ID", "c2")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String channelRef(JsonNode offer) {
        return offer.path("ids").path("wpid").asString(null);
    }

    @Override
    protected OfferValues everyField(String sku) {
        return OfferValues.builder().price(new BigDecimal("19.99"), "USD").quantity(11)
                .title("Ceramic mug, red, 350 ml").description("Dishwasher-safe ceramic mug.")
                .images(List.of("https://img.example.com/mug-red-1.jpg", "https://img.example.com/mug-red-2.jpg"))
                .build();
    }

    @Override
    protected void assertEveryFieldArrived(JsonNode offer, OfferValues sent) {
        assertThat(offer.path("title").asString()).isEqualTo(sent.title());
        assertThat(offer.path("description").asString()).isEqualTo(sent.description());
        assertThat(offer.path("images").valueStream().map(JsonNode::asString).toList()).isEqualTo(sent.images());
        assertThat(offer.path("attributes").path("category").asString()).isEqualTo("Kitchen & Dining");
    }

    @Test
    void smallUrgentQuantityCutsSkipTheFeedQueue() {
        Map<String, String> refs = seed(List.of("CUT-0", "CUT-1"));
        List<ItemUpdate> cuts = new ArrayList<>();
        refs.forEach((sku, ref) -> cuts.add(new ItemUpdate(cuts.size() + 1, sku, ref, null, EnumSet.of(FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(null, null, 0), 5)));
        PushResult result = connector.push(account, cuts);
        assertAllAccepted(result.outcomes());
        assertThat(control.offer("CUT-0").path("quantity").asInt()).isZero();
        assertThat(control.offer("CUT-1").path("quantity").asInt()).isZero();
    }
}
