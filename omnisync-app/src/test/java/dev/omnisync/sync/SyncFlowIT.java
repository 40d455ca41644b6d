package dev.omnisync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Store → plan → dispatch → channel, through the HTTP API and the in-process eBay sandbox. */
@IntegrationTest
class SyncFlowIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    RepricerDetection repricers;

    @Autowired
    dev.omnisync.channel.ChannelAccounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aLinkSendsTheStoresValuesAndAQuantityChangeFollowsWithExplainAndLog() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "FLOW-" + UUID.randomUUID().toString().substring(0, 8);
        String accountId = ebayAccount(api, sandbox);

        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":1,\"currency\":\"EUR\"}]");
        String offerId = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
        assertThat(api.put("/api/products/" + sku, """
                {"title":"Flow mug","price":"19.99","quantity":10}""").status()).isIn(200, 201);
        var linked = api.post("/api/listings", """
                {"sku":"%s","accountId":"%s","channelRef":"%s"}""".formatted(sku, accountId, offerId));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        String listingId = linked.json().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode offer = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json();
            assertThat(offer.path("quantity").asInt()).isEqualTo(10);
            assertThat(offer.path("price").asString()).isEqualTo("19.99");
        });

        assertThat(api.patch("/api/products/" + sku, "{\"quantity\":3}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("quantity").asInt()).isEqualTo(3));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode quantity = field(api.get("/api/listings/" + listingId + "/explain").json(), "QUANTITY");
            assertThat(quantity.path("decision").asString()).isEqualTo("UP_TO_DATE");
            assertThat(quantity.path("online").asString()).isEqualTo("3");
            assertThat(quantity.path("lastAttempt").path("decision").asString()).isEqualTo("ACCEPTED");
        });
        JsonNode log = api.get("/api/sync-log?listingId=" + listingId).json();
        assertThat(log.toString()).contains("ACCEPTED").contains("on hand");
        JsonNode title = field(api.get("/api/listings/" + listingId + "/explain").json(), "TITLE");
        assertThat(title.path("decision").asString()).isEqualTo("SKIPPED");
        assertThat(title.path("reasons").toString()).contains("does not enable TITLE");
    }

    @Test
    void inventorySyncOffHoldsTheQuantityBackAndExplainSaysWhy() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "HOLD-" + UUID.randomUUID().toString().substring(0, 8);
        String accountId = ebayAccount(api, sandbox);
        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":4,\"currency\":\"EUR\"}]");
        String offerId = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
        api.put("/api/products/" + sku, "{\"title\":\"Held\",\"price\":\"7.00\",\"quantity\":9}");
        String listingId = api.post("/api/listings", """
                {"sku":"%s","accountId":"%s","channelRef":"%s","inventorySync":false}""".formatted(sku, accountId, offerId))
                .json().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("price").asString())
                        .isEqualTo("7.00"));
        JsonNode quantity = field(api.get("/api/listings/" + listingId + "/explain").json(), "QUANTITY");
        assertThat(quantity.path("decision").asString()).isEqualTo("SKIPPED");
        assertThat(quantity.path("reasons").toString()).contains("inventory sync is off");
        assertThat(quantity.path("arithmetic").asString()).contains("on hand 9");
        assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void aPriceTheChannelKeepsChangingByItselfMarksTheListingRepricerManagedUntilAPersonUndoesIt() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "REPR-" + UUID.randomUUID().toString().substring(0, 8);
        String accountId = ebayAccount(api, sandbox);
        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":4,\"currency\":\"EUR\"}]");
        String offerId = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
        api.put("/api/products/" + sku, "{\"title\":\"Repriced\",\"price\":\"10.00\",\"quantity\":4}");
        String listingId = api.post("/api/listings", """
                {"sku":"%s","accountId":"%s","channelRef":"%s"}""".formatted(sku, accountId, offerId)).json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("price").asString()).isEqualTo("10.00"));

        var account = accounts.find(workspaceOf(listingId), Long.parseLong(accountId)).orElseThrow();
        for (String price : new String[] {"9.49", "9.29", "9.39"}) {
            sandbox.post("/sandbox/ebay/_control/price-change", "{\"sku\":\"" + sku + "\",\"price\":\"" + price + "\"}");
            repricers.check(account);
        }
        assertThat(api.get("/api/listings/" + listingId).json().path("priceManagedBy").asString()).isEqualTo("REPRICER");
        assertThat(api.get("/api/sync-log?listingId=" + listingId).body()).contains("external repricer detected");

        api.patch("/api/products/" + sku, "{\"price\":\"11.00\",\"quantity\":6}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("quantity").asInt()).isEqualTo(6));
        assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("price").asString()).isEqualTo("9.39");
        assertThat(field(api.get("/api/listings/" + listingId + "/explain").json(), "PRICE").path("reasons").toString())
                .contains("repricer");

        assertThat(api.patch("/api/listings/" + listingId, "{\"priceManagedBy\":\"STORE\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("price").asString()).isEqualTo("11.00"));
    }

    @Test
    void aListingWhoseDataBreaksPlanningIsLeftOutWhileTheRestOfItsChunkFlows() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String accountId = ebayAccount(api, sandbox);
        String good = "GOOD-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
        String broken = api.post("/api/selling-policies", "{\"name\":\"Soon broken\",\"channel\":\"EBAY\"}").json().get("id").asString();
        String badListing = null;
        for (String sku : new String[] {good, bad}) {
            sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":4,\"currency\":\"EUR\"}]");
            String offerId = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
            api.put("/api/products/" + sku, "{\"title\":\"T\",\"price\":\"5.00\",\"quantity\":4}");
            String listing = api.post("/api/listings", """
                    {"sku":"%s","accountId":"%s","channelRef":"%s"%s}""".formatted(sku, accountId, offerId,
                    sku.equals(bad) ? ",\"sellingPolicyId\":\"" + broken + "\"" : "")).json().get("id").asString();
            if (sku.equals(bad)) {
                badListing = listing;
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from revision where account_id = ?").param(Long.parseLong(accountId))
                        .query(Long.class).single()).isZero());
        jdbc.sql("update selling_policy set price = cast('{\"source\":\"NO-SUCH-SOURCE\"}' as jsonb) where policy_id = ?")
                .param(Long.parseLong(broken)).update();

        var imported = api.send("POST", "/api/products/import", "sku,quantity\n" + good + ",2\n" + bad + ",1\n", "text/csv");
        assertThat(imported.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + good).json().path("quantity").asInt()).isEqualTo(2));
        String badId = badListing;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/sync-log?listingId=" + badId).body()).contains("could not be planned"));
        assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + bad).json().path("quantity").asInt()).isEqualTo(4);
    }

    private dev.omnisync.workspace.WorkspaceId workspaceOf(String listingId) {
        return new dev.omnisync.workspace.WorkspaceId(jdbc.sql("select workspace_id from listing where listing_id = ?")
                .param(Long.parseLong(listingId)).query(Long.class).single());
    }

    static String ebayAccount(ApiClient api, ApiClient sandbox) {
        JsonNode credentials = sandbox.get("/sandbox/ebay/_control/credentials").json();
        var created = api.post("/api/accounts", """
                {"channel":"EBAY","name":"eBay %s","region":"EBAY_DE","currency":"EUR","baseUrl":"http://localhost:%d/sandbox/ebay",
                 "credentials":%s}""".formatted(UUID.randomUUID(), sandbox.port(), credentials.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static JsonNode field(JsonNode explanation, String field) {
        for (JsonNode f : explanation.path("fields")) {
            if (f.path("field").asString().equals(field)) {
                return f;
            }
        }
        throw new AssertionError("no field " + field + " in " + explanation);
    }
}
