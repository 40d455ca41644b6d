package dev.omnisync.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.AccountFixture;
import dev.omnisync.listing.CatalogFixture;
import dev.omnisync.listing.Merchant;
import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SellingPolicyApiIT {

    private static final String FULL = """
            {"name":"Marked up","channel":"EBAY",
             "price":{"source":"SALE_PRICE","modifiers":[{"kind":"PERCENT","value":"10"},{"kind":"FIXED","value":"-1.50"}],
                      "rounding":"END_99","currencyRate":"1.0850","vatPercent":"19"},
             "quantity":{"source":"PRODUCT","percentage":80,"minPosted":2,"maxPosted":5,"buffer":1}}""";

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    Merchant merchant;
    ApiClient api;

    @BeforeEach
    void newMerchant() {
        merchant = Merchant.create(port, workspaces);
        api = merchant.api();
    }

    @Test
    void storesAndShowsTheFullShape() {
        var created = api.post("/api/selling-policies", FULL);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode policy = api.get("/api/selling-policies/" + created.json().get("id").asString()).json();
        JsonNode price = policy.get("price");
        assertThat(price.get("source").asString()).isEqualTo("SALE_PRICE");
        assertThat(price.get("rounding").asString()).isEqualTo("END_99");
        assertThat(price.get("currencyRate").asString()).isEqualTo("1.0850");
        assertThat(price.get("vatPercent").asString()).isEqualTo("19");
        assertThat(price.get("modifiers").get(1).get("kind").asString()).isEqualTo("FIXED");
        assertThat(price.get("modifiers").get(1).get("value").asString()).isEqualTo("-1.50");
        JsonNode quantity = policy.get("quantity");
        assertThat(quantity.get("percentage").asInt()).isEqualTo(80);
        assertThat(quantity.get("maxPosted").asInt()).isEqualTo(5);
        assertThat(quantity.get("buffer").asInt()).isEqualTo(1);
        assertThat(api.get("/api/selling-policies?channel=EBAY").json().size()).isEqualTo(1);
        assertThat(api.get("/api/selling-policies?channel=AMAZON").json().size()).isZero();
    }

    @Test
    void leftOutSettingsAreTheIdentity() {
        JsonNode policy = api.post("/api/selling-policies", "{\"name\":\"Plain\",\"channel\":\"OTTO\"}").json();
        assertThat(policy.get("price").get("source").asString()).isEqualTo("PRICE");
        assertThat(policy.get("price").get("rounding").asString()).isEqualTo("NONE");
        assertThat(policy.get("price").get("currencyRate").asString()).isEqualTo("1");
        assertThat(policy.get("quantity").get("source").asString()).isEqualTo("PRODUCT");
        assertThat(policy.get("quantity").get("percentage").asInt()).isEqualTo(100);
        assertThat(policy.get("quantity").get("buffer").asInt()).isZero();
    }

    @Test
    void settingsOutOfRangeAre400SayingWhich() {
        for (var bad : List.of(
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"price\":{\"currencyRate\":\"0\"}}", "currencyRate"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"price\":{\"vatPercent\":\"-1\"}}", "vatPercent"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"price\":{\"rounding\":\"UP\"}}", "rounding"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"price\":{\"modifiers\":[{\"kind\":\"PERCENT\"}]}}", "value"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"price\":{\"modifiers\":[null]}}", "modifiers"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"quantity\":{\"percentage\":150}}", "percentage"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"quantity\":{\"buffer\":-2}}", "buffer"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"quantity\":{\"minPosted\":9,\"maxPosted\":3}}", "minPosted"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"quantity\":{\"source\":\"FIXED\"}}", "fixedValue"),
                List.of("{\"name\":\"x\",\"channel\":\"EBAY\",\"quantity\":{\"percentage\":\"many\"}}", "percentage"),
                List.of("{\"name\":\"x\"}", "channel"),
                List.of("{\"channel\":\"EBAY\"}", "name"))) {
            var response = api.post("/api/selling-policies", bad.get(0));
            assertThat(response.status()).as(bad.get(0) + " → " + response).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).as(bad.get(0)).contains(bad.get(1));
        }
    }

    @Test
    void editingAPolicyInUseShowsWhatChangesAndNeedsConfirmation() {
        String id = api.post("/api/selling-policies", "{\"name\":\"S\",\"channel\":\"EBAY\"}").json().get("id").asString();
        long account = new AccountFixture(jdbc).account(merchant.workspace(), Channel.EBAY);
        for (int i = 0; i < 2; i++) {
            new CatalogFixture(jdbc).product(merchant.workspace(), "S-" + i);
            assertThat(api.post("/api/listings", "{\"sku\":\"S-" + i + "\",\"accountId\":" + account + ",\"sellingPolicyId\":" + id + "}")
                    .status()).isEqualTo(201);
        }
        String edit = "{\"price\":{\"rounding\":\"END_99\"}}";
        JsonNode preview = api.post("/api/selling-policies/" + id + "/preview", edit).json();
        assertThat(preview.get("affectedListings").asLong()).isEqualTo(2);
        assertThat(SyncPolicyApiIT.effects(preview.get("changes"))).containsExactly("PRICE CHANGED 2");
        assertThat(preview.get("changes").get(0).get("settings").get(0).asString()).isEqualTo("rounding NONE → END_99");

        var unconfirmed = api.put("/api/selling-policies/" + id, edit);
        assertThat(unconfirmed.status()).isEqualTo(428);
        assertThat(unconfirmed.json().get("detail").asString()).contains("2 listings");
        assertThat(unconfirmed.json().get("preview").get("changes").size()).isEqualTo(1);
        assertThat(api.get("/api/selling-policies/" + id).json().get("price").get("rounding").asString()).isEqualTo("NONE");

        var confirmed = api.put("/api/selling-policies/" + id + "?confirm=true", edit);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(api.get("/api/selling-policies/" + id).json().get("price").get("rounding").asString()).isEqualTo("END_99");
        assertThat(api.get("/api/selling-policies/" + id).json().get("quantity").get("percentage").asInt()).isEqualTo(100);

        assertThat(api.delete("/api/selling-policies/" + id).status()).isEqualTo(409);
    }

    @Test
    void aWorkspaceSeesNothingOfAnothersSellingPolicies() {
        String id = api.post("/api/selling-policies", FULL).json().get("id").asString();
        ApiClient other = ApiClient.newWorkspace(port, workspaces);
        assertThat(other.get("/api/selling-policies").json().size()).isZero();
        assertThat(other.get("/api/selling-policies/" + id).status()).isEqualTo(404);
        assertThat(other.delete("/api/selling-policies/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/selling-policies/" + id).status()).isEqualTo(204);
    }
}
