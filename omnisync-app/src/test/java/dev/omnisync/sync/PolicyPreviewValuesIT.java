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

/** Policy previews say how many listings would be sent something, with concrete before → after values. */
@IntegrationTest
class PolicyPreviewValuesIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void editsAndBulkChangesPreviewTheValuesTheyWouldSend() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String accountId = SyncFlowIT.ebayAccount(api, sandbox);
        String syncId = api.post("/api/sync-policies", "{\"name\":\"P+Q\",\"channel\":\"EBAY\",\"fields\":[\"PRICE\",\"QUANTITY\"]}")
                .json().get("id").asString();
        String sellingId = api.post("/api/selling-policies", "{\"name\":\"Plain\",\"channel\":\"EBAY\"}").json().get("id").asString();
        String prefix = "PRE-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < 3; i++) {
            String sku = prefix + i;
            sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"1.00\",\"quantity\":1,\"currency\":\"EUR\"}]");
            String offerId = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
            api.put("/api/products/" + sku, "{\"title\":\"Mug " + i + "\",\"price\":\"10.00\",\"quantity\":5}");
            assertThat(api.post("/api/listings", """
                    {"sku":"%s","accountId":"%s","channelRef":"%s","syncPolicyId":"%s","sellingPolicyId":"%s"}"""
                    .formatted(sku, accountId, offerId, syncId, sellingId)).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + prefix + "2").json().path("price").asString()).isEqualTo("10.00"));

        JsonNode title = change(api.post("/api/sync-policies/" + syncId + "/preview",
                "{\"name\":\"P+Q\",\"channel\":\"EBAY\",\"fields\":[\"PRICE\",\"QUANTITY\",\"TITLE\"]}").json(), "TITLE");
        assertThat(title.path("effect").asString()).isEqualTo("ENABLED");
        assertThat(title.path("listingsToSend").asLong()).isEqualTo(3);
        assertThat(title.path("sample").path(0).path("before").asString()).isEqualTo("not synced");
        assertThat(title.path("sample").path(0).path("after").asString()).startsWith("Mug ");

        var unconfirmed = api.put("/api/selling-policies/" + sellingId, """
                {"name":"Plain","channel":"EBAY","price":{"source":"PRICE","modifiers":[{"kind":"PERCENT","value":"10"}],
                 "rounding":"NONE","currencyRate":"1","vatPercent":"0"}}""");
        assertThat(unconfirmed.status()).isEqualTo(428);
        JsonNode price = change(unconfirmed.json().path("preview"), "PRICE");
        assertThat(price.path("listingsToSend").asLong()).isEqualTo(3);
        assertThat(price.path("sample").path(0).path("before").asString()).isEqualTo("10.00");
        assertThat(price.path("sample").path(0).path("after").asString()).isEqualTo("11.00");

        String otherSync = api.post("/api/sync-policies", "{\"name\":\"Only Q\",\"channel\":\"EBAY\",\"fields\":[\"QUANTITY\"]}")
                .json().get("id").asString();
        var bulk = api.post("/api/listings/policy", """
                {"filter":{"sku":"%s*"},"syncPolicyId":"%s"}""".formatted(prefix, otherSync));
        assertThat(bulk.status()).isEqualTo(428);
        JsonNode disabledPrice = change(bulk.json().path("preview"), "PRICE");
        assertThat(disabledPrice.path("effect").asString()).isEqualTo("DISABLED");
        assertThat(disabledPrice.path("sample").path(0).path("after").asString()).isEqualTo("not synced");
    }

    private static JsonNode change(JsonNode preview, String field) {
        for (JsonNode c : preview.path("changes")) {
            if (c.path("field").asString().equals(field)) {
                return c;
            }
        }
        throw new AssertionError("no change of " + field + " in " + preview);
    }
}
