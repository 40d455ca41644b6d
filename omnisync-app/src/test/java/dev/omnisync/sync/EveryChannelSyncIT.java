package dev.omnisync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnisync.channel.Channel;
import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One product on all eight channels: existing offers are matched through each channel's own offer listing,
 * the link sends the store's values, and a quantity change in the store reaches every channel — the
 * asynchronous ones (Amazon, Walmart, OTTO prices, Mirakl imports) once their results are read.
 */
@IntegrationTest
class EveryChannelSyncIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void aQuantityChangeReachesEveryLinkedChannel() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "ALL-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/products/" + sku, "{\"title\":\"Everywhere\",\"price\":\"15.00\",\"quantity\":12}");

        Map<Channel, String> accounts = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            String slug = channel.slug();
            sandbox.post("/sandbox/" + slug + "/_control/offers",
                    "[{\"sku\":\"" + sku + "\",\"price\":\"1.00\",\"quantity\":1,\"title\":\"On " + slug + "\"}]");
            JsonNode credentials = sandbox.get("/sandbox/" + slug + "/_control/credentials").json();
            var account = api.post("/api/accounts", """
                    {"channel":"%s","name":"%s","region":"%s","currency":"%s","baseUrl":"http://localhost:%d/sandbox/%s","credentials":%s}"""
                    .formatted(channel.name(), "All " + channel.displayName(), region(channel), currency(channel), port, slug, credentials));
            assertThat(account.status()).as(account.body()).isEqualTo(201);
            accounts.put(channel, account.json().get("id").asString());
            var matched = api.post("/api/listings/match", "{\"accountId\":\"" + accounts.get(channel) + "\"}");
            assertThat(matched.status()).as(channel + " " + matched.body()).isEqualTo(200);
            assertThat(matched.json().path("linked").toString()).as(channel + " " + matched.body()).contains(sku);
        }
        awaitQuantityEverywhere(sandbox, sku, 12);

        assertThat(api.patch("/api/products/" + sku, "{\"quantity\":5}").status()).isEqualTo(200);
        awaitQuantityEverywhere(sandbox, sku, 5);
    }

    private static void awaitQuantityEverywhere(ApiClient sandbox, String sku, int quantity) {
        // Mirakl takes one offer import a minute: the second one waits out the first's minute.
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Channel channel : Channel.values()) {
                JsonNode offer = sandbox.get("/sandbox/" + channel.slug() + "/_control/offers/" + sku).json();
                assertThat(offer.path("quantity").asInt()).as(channel + ": " + offer).isEqualTo(quantity);
            }
        });
    }

    /** As the default run's sandbox accounts are set up. */
    static String region(Channel channel) {
        return switch (channel) {
            case EBAY -> "EBAY_DE";
            case AMAZON -> "ATVPDKIKX0DER";
            case WALMART -> "US";
            case TIKTOK_SHOP -> "GB";
            default -> "DE";
        };
    }

    static String currency(Channel channel) {
        return switch (channel) {
            case WALMART, AMAZON -> "USD";
            case TIKTOK_SHOP -> "GBP";
            default -> "EUR";
        };
    }
}
