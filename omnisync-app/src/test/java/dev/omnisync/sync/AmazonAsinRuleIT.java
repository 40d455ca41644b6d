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

/** Under an ASIN the seller did not create, content stays while price and quantity flow; explain says why. */
@IntegrationTest
class AmazonAsinRuleIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void foreignAsinContentStaysWhilePriceAndQuantityFlowAndOwnAsinContentIsSent() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        JsonNode credentials = sandbox.get("/sandbox/amazon/_control/credentials").json();
        String accountId = api.post("/api/accounts", """
                {"channel":"AMAZON","name":"Amazon US","region":"ATVPDKIKX0DER","currency":"USD","baseUrl":"http://localhost:%d/sandbox/amazon",
                 "credentials":%s}""".formatted(port, credentials)).json().get("id").asString();
        String policy = api.post("/api/sync-policies", """
                {"name":"Everything","channel":"AMAZON","fields":["PRICE","QUANTITY","TITLE","DESCRIPTION"]}""").json().get("id").asString();

        String foreign = "ASIN-F-" + UUID.randomUUID().toString().substring(0, 6);
        String own = "ASIN-O-" + UUID.randomUUID().toString().substring(0, 6);
        for (String sku : new String[] {foreign, own}) {
            sandbox.post("/sandbox/amazon/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":1,"
                    + "\"currency\":\"USD\",\"title\":\"Catalog title\"}]");
            api.put("/api/products/" + sku, "{\"title\":\"Store title\",\"description\":\"Store text\",\"price\":\"12.00\",\"quantity\":7}");
        }
        String foreignListing = link(api, sandbox, foreign, accountId, policy, false);
        link(api, sandbox, own, accountId, policy, true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode f = sandbox.get("/sandbox/amazon/_control/offers/" + foreign).json();
            assertThat(f.path("quantity").asInt()).isEqualTo(7);
            assertThat(f.path("price").asString()).isEqualTo("12.00");
            assertThat(sandbox.get("/sandbox/amazon/_control/offers/" + own).json().path("title").asString()).isEqualTo("Store title");
        });
        assertThat(sandbox.get("/sandbox/amazon/_control/offers/" + foreign).json().path("title").asString()).isEqualTo("Catalog title");
        JsonNode title = SyncFlowIT.field(api.get("/api/listings/" + foreignListing + "/explain").json(), "TITLE");
        assertThat(title.path("decision").asString()).isEqualTo("SKIPPED");
        assertThat(title.path("reasons").toString()).contains("ASIN");
    }

    private static String link(ApiClient api, ApiClient sandbox, String sku, String accountId, String policy, boolean asinOwner) {
        JsonNode offer = sandbox.get("/sandbox/amazon/_control/offers/" + sku).json();
        String asin = offer.path("ids").path("asin").asString(sku);
        var linked = api.post("/api/listings", """
                {"sku":"%s","accountId":"%s","channelRef":"%s","syncPolicyId":"%s","asinOwner":%s}"""
                .formatted(sku, accountId, asin, policy, asinOwner));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        return linked.json().get("id").asString();
    }
}
