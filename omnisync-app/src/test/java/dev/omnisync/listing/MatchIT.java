package dev.omnisync.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Existing channel offers are linked by SKU, then EAN/GTIN; the rest are reported. */
@IntegrationTest
class MatchIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Test
    void offersAreLinkedBySkuThenEanAndUnmatchedOnesReported() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // a fresh account name per test: the sandbox keeps one offer store per channel, so SKUs are unique
        JsonNode credentials = sandbox.get("/sandbox/kaufland/_control/credentials").json();
        String accountId = api.post("/api/accounts", """
                {"channel":"KAUFLAND","name":"Kaufland %s","region":"de","currency":"EUR","baseUrl":"http://localhost:%d/sandbox/kaufland",
                 "credentials":%s}""".formatted(tag, port, credentials)).json().get("id").asString();
        String bySku = "M-SKU-" + tag;
        String byEanStore = "M-EAN-STORE-" + tag;
        String byEanOffer = "M-EAN-OFFER-" + tag;
        String stray = "M-STRAY-" + tag;
        String ean = eanFor(tag);
        api.put("/api/products/" + bySku, "{\"title\":\"By SKU\",\"price\":\"4.00\",\"quantity\":3}");
        api.put("/api/products/" + byEanStore, "{\"title\":\"By EAN\",\"price\":\"5.00\",\"quantity\":2,\"identifiers\":{\"ean\":\"" + ean + "\"}}");
        sandbox.post("/sandbox/kaufland/_control/offers", """
                [{"sku":"%s","price":"4.00","quantity":3},{"sku":"%s","ean":"%s","price":"5.00","quantity":2},
                 {"sku":"%s","price":"1.00","quantity":1}]""".formatted(bySku, byEanOffer, ean, stray));

        var matched = api.post("/api/listings/match", "{\"accountId\":\"" + accountId + "\"}");
        assertThat(matched.status()).as(matched.body()).isEqualTo(200);
        JsonNode body = matched.json();
        assertThat(body.path("linked").toString()).contains(bySku).contains(byEanStore).contains("EAN/GTIN");
        assertThat(body.path("unmatched").toString()).contains(stray);
        assertThat(api.get("/api/listings?accountId=" + accountId).json().size()).isEqualTo(2);

        var again = api.post("/api/listings/match", "{\"accountId\":\"" + accountId + "\"}").json();
        assertThat(again.path("linked").size()).isZero();
        assertThat(again.path("alreadyLinked").asInt()).isEqualTo(2);

        assertThat(api.post("/api/listings/match", "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/listings/match", "{\"accountId\":\"999999999\"}").status()).isEqualTo(400);
    }

    /** A valid EAN-13 unique to the test run. */
    static String eanFor(String tag) {
        String body = ("400" + Math.abs(tag.hashCode()) + "000000000").substring(0, 12);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }
}
