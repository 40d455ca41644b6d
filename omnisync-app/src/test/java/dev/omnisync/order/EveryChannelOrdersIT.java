package dev.omnisync.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The order module knows no channel: every connector's {@code ordersSince} feeds the same import. An order on each
 * sandbox lowers the store's stock once, and its cancellation gives the units back once. (Amazon is left out: its
 * sandbox, like Amazon, shows new orders to polling only two minutes later. Mirakl answers OR11 once a minute, so it
 * is polled once and its cancellation is not read here.)
 */
@IntegrationTest
class EveryChannelOrdersIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EBAY,ebay,EBAY_DE,EUR", "WALMART,walmart,US,USD", "KAUFLAND,kaufland,DE,EUR", "TIKTOK_SHOP,tiktok,GB,GBP",
            "TEMU,temu,DE,EUR", "OTTO,otto,DE,EUR", "MIRAKL,mirakl,DE,EUR"})
    void anOrderPolledFromTheChannelLowersTheStoreOnceAndItsCancellationRestoresIt(String channel, String slug, String region,
            String currency) {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "ALL-" + slug + "-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode credentials = sandbox.get("/sandbox/" + slug + "/_control/credentials").json();
        var account = api.post("/api/accounts", """
                {"channel":"%s","name":"%s %s","region":"%s","currency":"%s","baseUrl":"http://localhost:%d/sandbox/%s",
                 "credentials":%s}""".formatted(channel, channel, UUID.randomUUID(), region, currency, port, slug, credentials));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String accountId = account.json().path("id").asString();
        assertThat(api.put("/api/products/" + sku, "{\"title\":\"Every channel\",\"price\":\"9.99\",\"quantity\":10}").status()).isIn(200, 201);
        var seeded = sandbox.post("/sandbox/" + slug + "/_control/offers",
                "[{\"sku\":\"" + sku + "\",\"price\":\"9.99\",\"quantity\":10,\"currency\":\"" + currency + "\"}]");
        assertThat(seeded.status()).as(seeded.body()).isEqualTo(201);
        var order = sandbox.post("/sandbox/" + slug + "/_control/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String orderId = order.json().path("orderId").asString();

        boolean oncePerMinute = channel.equals("MIRAKL");
        for (int i = 0; i < (oncePerMinute ? 1 : 2); i++) {
            var polled = api.post("/api/orders/poll?accountId=" + accountId, null);
            assertThat(polled.status()).as(polled.body()).isEqualTo(200);
        }
        JsonNode product = api.get("/api/products/" + sku).json();
        assertThat(product.path("onHand").asInt()).as(product.toString()).isEqualTo(8);
        assertThat(product.path("reserved").asInt()).isZero();

        if (oncePerMinute) {
            return;
        }
        assertThat(sandbox.post("/sandbox/" + slug + "/_control/orders/" + orderId + "/cancel", "{}").status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            var polled = api.post("/api/orders/poll?accountId=" + accountId, null);
            assertThat(polled.status()).as(polled.body()).isEqualTo(200);
        }
        assertThat(api.get("/api/products/" + sku).json().path("onHand").asInt()).isEqualTo(10);
    }
}
