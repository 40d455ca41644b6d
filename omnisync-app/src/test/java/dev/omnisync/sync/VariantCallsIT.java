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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Through the whole engine (import → planner → dispatcher → connector → sandbox): a stock change of every variant
 * of one product costs TikTok Shop and Temu one update call, not one per variant.
 */
@IntegrationTest
class VariantCallsIT {

    private static final int VARIANTS = 4;

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void tiktokShopGetsOneInventoryCallPerProduct() {
        variantsShareOneCall("TIKTOK_SHOP", "tiktok", "GB", "GBP", "productId", "product_id", "sku_id");
    }

    @Test
    void temuGetsOneStockCallPerGoods() {
        variantsShareOneCall("TEMU", "temu", "DE", "EUR", "goodsId", "goodsId", "skuId");
    }

    private void variantsShareOneCall(String channel, String slug, String region, String currency, String groupField,
            String productIdKey, String skuIdKey) {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        JsonNode credentials = sandbox.get("/sandbox/" + slug + "/_control/credentials").json();
        var account = api.post("/api/accounts", """
                {"channel":"%s","name":"%s %s","region":"%s","currency":"%s","baseUrl":"http://localhost:%d/sandbox/%s","credentials":%s}"""
                .formatted(channel, channel, UUID.randomUUID(), region, currency, port, slug, credentials.toString()));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String accountId = account.json().get("id").asString();

        String parent = "VAR-" + UUID.randomUUID().toString().substring(0, 8);
        long productId = 1_700_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        List<String> skus = new ArrayList<>();
        StringBuilder offers = new StringBuilder("[");
        StringBuilder products = new StringBuilder("[{\"sku\":\"" + parent + "\",\"title\":\"Parent\"},");
        for (int i = 0; i < VARIANTS; i++) {
            String sku = parent + "-" + i;
            skus.add(sku);
            offers.append(i == 0 ? "" : ",").append("""
                    {"sku":"%s","price":"5.00","quantity":1,"%s":%d}""".formatted(sku, groupField, productId));
            products.append(i == 0 ? "" : ",").append("""
                    {"sku":"%s","parentSku":"%s","title":"Variant %d","price":"9.00","quantity":20}""".formatted(sku, parent, i));
        }
        sandbox.post("/sandbox/" + slug + "/_control/offers", offers.append("]").toString());
        var imported = api.post("/api/products/import", products.append("]").toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        for (String sku : skus) {
            JsonNode ids = sandbox.get("/sandbox/" + slug + "/_control/offers/" + sku).json().path("ids");
            String ref = ids.path(productIdKey).asString() + "/" + ids.path(skuIdKey).asString();
            var linked = api.post("/api/listings", """
                    {"sku":"%s","accountId":"%s","channelRef":"%s"}""".formatted(sku, accountId, ref));
            assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String sku : skus) {
                assertThat(sandbox.get("/sandbox/" + slug + "/_control/offers/" + sku).json().path("quantity").asInt()).as(sku).isEqualTo(20);
            }
        });

        long before = sandbox.get("/sandbox/" + slug + "/_control/stats").json().path("updateRequests").asLong();
        StringBuilder stock = new StringBuilder("sku,quantity\n");
        for (int i = 0; i < VARIANTS; i++) {
            stock.append(skus.get(i)).append(',').append(10 + i).append('\n');
        }
        var changed = api.send("POST", "/api/products/import", stock.toString(), "text/csv");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < VARIANTS; i++) {
                assertThat(sandbox.get("/sandbox/" + slug + "/_control/offers/" + skus.get(i)).json().path("quantity").asInt())
                        .as(skus.get(i)).isEqualTo(10 + i);
            }
        });
        long calls = sandbox.get("/sandbox/" + slug + "/_control/stats").json().path("updateRequests").asLong() - before;
        assertThat(calls).as("update calls for a stock change of %d variants of one product", VARIANTS).isEqualTo(1);
    }
}
