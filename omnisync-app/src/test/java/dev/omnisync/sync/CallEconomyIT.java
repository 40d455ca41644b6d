package dev.omnisync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A burst of N changes costs no more than ceil(N / batch) calls plus one. */
@IntegrationTest
class CallEconomyIT {

    private static final int N = 60;
    private static final int EBAY_BATCH = 25;

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void aBurstOfStockChangesIsPackedIntoTheChannelsLargestBatches() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String accountId = SyncFlowIT.ebayAccount(api, sandbox);
        String prefix = "BURST-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> skus = new ArrayList<>();
        StringBuilder offers = new StringBuilder("[");
        StringBuilder products = new StringBuilder("[");
        for (int i = 0; i < N; i++) {
            String sku = prefix + i;
            skus.add(sku);
            offers.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"price\":\"1.00\",\"quantity\":1,\"currency\":\"EUR\"}");
            products.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"title\":\"Burst ").append(i)
                    .append("\",\"price\":\"2.00\",\"quantity\":50}");
        }
        sandbox.post("/sandbox/ebay/_control/offers", offers.append("]").toString());
        assertThat(api.post("/api/products/import", products.append("]").toString()).status()).isEqualTo(200);
        for (String sku : skus) {
            String offerId = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
            var linked = api.post("/api/listings", """
                    {"sku":"%s","accountId":"%s","channelRef":"%s"}""".formatted(sku, accountId, offerId));
            assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String sku : skus) {
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("quantity").asInt()).as(sku).isEqualTo(50);
            }
        });

        long before = sandbox.get("/sandbox/ebay/_control/stats").json().path("updateRequests").asLong();
        StringBuilder stock = new StringBuilder("sku,quantity\n");
        for (int i = 0; i < N; i++) {
            stock.append(skus.get(i)).append(',').append(i % 7).append('\n');
        }
        var imported = api.send("POST", "/api/products/import", stock.toString(), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < N; i++) {
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + skus.get(i)).json().path("quantity").asInt())
                        .as(skus.get(i)).isEqualTo(i % 7);
            }
        });
        long calls = sandbox.get("/sandbox/ebay/_control/stats").json().path("updateRequests").asLong() - before;
        long minimum = (N + EBAY_BATCH - 1) / EBAY_BATCH;
        assertThat(calls).as("update calls for %d changes", N).isBetween(minimum, minimum + 1);
    }
}
