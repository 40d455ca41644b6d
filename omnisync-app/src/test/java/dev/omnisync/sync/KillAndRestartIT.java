package dev.omnisync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnisync.OmnisyncApplication;
import dev.omnisync.sandbox.SandboxServer;
import dev.omnisync.support.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Kills the engine in the middle of dispatching (the application context is stopped while pushes are in
 * flight against a slow channel), restarts it on the same database, and shows that every listing converges
 * to the store's latest value: nothing lost, and no older value left on the channel.
 * Rounds: {@code -Ddurability.rounds=20} (default 1).
 */
class KillAndRestartIT {

    private static final int LISTINGS = 80;
    private static final String TOKEN = "durability-test-token-0123456789";

    @Test
    void afterAnAbruptStopEveryListingConvergesToTheLatestStoreValue() throws Exception {
        int rounds = Integer.getInteger("durability.rounds", 1);
        try (SandboxServer.Handle sandbox = SandboxServer.start(0)) {
            for (int round = 1; round <= rounds; round++) {
                runRound(sandbox, round);
            }
        }
    }

    private void runRound(SandboxServer.Handle sandbox, int round) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "durability-");
        ApiClient control = new ApiClient(sandbox.port(), null);
        String prefix = "KILL-" + round + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> skus = new ArrayList<>();
        StringBuilder offers = new StringBuilder("[");
        StringBuilder products = new StringBuilder("[");
        for (int i = 0; i < LISTINGS; i++) {
            String sku = prefix + i;
            skus.add(sku);
            offers.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"price\":\"1.00\",\"quantity\":0,\"currency\":\"EUR\"}");
            products.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"title\":\"K\",\"price\":\"2.00\",\"quantity\":100}");
        }
        control.post("/sandbox/ebay/_control/offers", offers.append("]").toString());

        ConfigurableApplicationContext first = start(dataDir);
        ApiClient api = new ApiClient(port(first), TOKEN);
        JsonNode credentials = control.get("/sandbox/ebay/_control/credentials").json();
        String accountId = api.post("/api/accounts", """
                {"channel":"EBAY","name":"eBay","currency":"EUR","baseUrl":"%s","credentials":%s}"""
                .formatted(sandbox.baseUrl("ebay"), credentials)).json().get("id").asString();
        assertThat(api.post("/api/products/import", products.append("]").toString()).status()).isEqualTo(200);
        for (String sku : skus) {
            String offerId = control.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
            assertThat(api.post("/api/listings", """
                    {"sku":"%s","accountId":"%s","channelRef":"%s"}""".formatted(sku, accountId, offerId)).status()).isEqualTo(201);
        }
        // Slow channel: pushes are in flight when the engine dies.
        control.post("/sandbox/ebay/_control/faults", "{\"type\":\"SLOW\",\"count\":12,\"millis\":400}");
        for (int wave = 1; wave <= 3; wave++) {
            StringBuilder stock = new StringBuilder("sku,quantity\n");
            for (int i = 0; i < LISTINGS; i++) {
                stock.append(skus.get(i)).append(',').append(wave * 10 + i % 5).append('\n');
            }
            assertThat(api.send("POST", "/api/products/import", stock.toString(), "text/csv").status()).isEqualTo(200);
            Thread.sleep(120);
        }
        first.close(); // abrupt: workers are interrupted mid-push, leases stay behind and must lapse

        ConfigurableApplicationContext second = start(dataDir);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (int i = 0; i < LISTINGS; i++) {
                    assertThat(control.get("/sandbox/ebay/_control/offers/" + skus.get(i)).json().path("quantity").asInt())
                            .as("round %d %s", round, skus.get(i)).isEqualTo(30 + i % 5);
                }
            });
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            // the batch in flight at the kill was applied by the channel but never recorded: its leases lapse
            // and the work is done again (values computed anew, so the same latest value)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(jdbc.sql("select count(*) from revision").query(Long.class).single()).as("queue drained").isZero());
            for (int i = 0; i < LISTINGS; i++) {
                assertThat(control.get("/sandbox/ebay/_control/offers/" + skus.get(i)).json().path("quantity").asInt())
                        .as("round %d %s after drain", round, skus.get(i)).isEqualTo(30 + i % 5);
            }
            assertThat(jdbc.sql("select count(*) from product_change where planned_at is null").query(Long.class).single()).isZero();
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new org.springframework.boot.builder.SpringApplicationBuilder(OmnisyncApplication.class)
                .run("--omnisync.data-dir=" + dataDir, "--server.port=0", "--logging.file.name=",
                        "--omnisync.api-token=" + TOKEN, "--omnisync.sandbox.enabled=false",
                        "--omnisync.demo-catalog.enabled=false", "--omnisync.sync.lease=3s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
