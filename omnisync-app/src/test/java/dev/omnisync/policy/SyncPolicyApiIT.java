package dev.omnisync.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.AccountFixture;
import dev.omnisync.listing.CatalogFixture;
import dev.omnisync.listing.Merchant;
import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SyncPolicyApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.omnisync.listing.RecordedEvents events;

    Merchant merchant;
    ApiClient api;

    @BeforeEach
    void newMerchant() {
        merchant = Merchant.create(port, workspaces);
        api = merchant.api();
    }

    @Test
    void createsAPolicyWithPriceAndQuantityByDefault() {
        var created = api.post("/api/sync-policies", "{\"name\":\"Main\",\"channel\":\"EBAY\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode policy = created.json();
        assertThat(keys(policy.get("fields"))).containsExactly("PRICE", "QUANTITY");
        assertThat(policy.get("id").isString()).isTrue();
        assertThat(policy.get("channel").asString()).isEqualTo("EBAY");

        var fetched = api.get("/api/sync-policies/" + policy.get("id").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("name").asString()).isEqualTo("Main");
        assertThat(fetched.json().get("listings").asLong()).isZero();
    }

    @Test
    void anOttoPolicyNamingTitleIsRefusedNamingFieldAndChannel() {
        var refused = api.post("/api/sync-policies", "{\"name\":\"Otto\",\"channel\":\"OTTO\",\"fields\":[\"PRICE\",\"TITLE\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("OTTO Market does not offer TITLE; it offers PRICE, QUANTITY");
    }

    @Test
    void unknownChannelsKeysAndBadBodiesAre400NeverServerErrors() {
        assertThat(api.post("/api/sync-policies", "{\"name\":\"x\",\"channel\":\"ETSY\"}").json().get("detail").asString())
                .contains("Unknown channel 'ETSY'");
        var badKey = api.post("/api/sync-policies", "{\"name\":\"x\",\"channel\":\"EBAY\",\"fields\":[\"COLOUR\"]}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("detail").asString()).contains("COLOUR");
        for (String body : List.of("{}", "{\"channel\":\"EBAY\"}", "{\"name\":\"\",\"channel\":\"EBAY\"}", "not json",
                "{\"name\":\"x\",\"channel\":\"EBAY\",\"fields\":\"PRICE\"}", "{\"name\":\"x\",\"channel\":\"EBAY\",\"fields\":[null]}",
                "{\"name\":\"x\",\"channel\":\"EBAY\",\"colour\":1}", "[]")) {
            var response = api.post("/api/sync-policies", body);
            assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
        }
        assertThat(api.get("/api/sync-policies?channel=nope").status()).isEqualTo(400);
        assertThat(api.get("/api/sync-policies/abc").status()).isEqualTo(400);
        assertThat(api.get("/api/sync-policies/999999999").status()).isEqualTo(404);
        assertThat(api.delete("/api/sync-policies/999999999").status()).isEqualTo(404);
    }

    @Test
    void aNameIsUniquePerChannel() {
        assertThat(api.post("/api/sync-policies", "{\"name\":\"Same\",\"channel\":\"EBAY\"}").status()).isEqualTo(201);
        var duplicate = api.post("/api/sync-policies", "{\"name\":\"Same\",\"channel\":\"EBAY\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).contains("Same").contains("eBay");
        assertThat(api.post("/api/sync-policies", "{\"name\":\"Same\",\"channel\":\"AMAZON\"}").status()).isEqualTo(201);
    }

    @Test
    void listsFilterByChannel() {
        api.post("/api/sync-policies", "{\"name\":\"A\",\"channel\":\"EBAY\"}");
        api.post("/api/sync-policies", "{\"name\":\"B\",\"channel\":\"tiktok\",\"fields\":[\"TITLE\",\"CATEGORIES\"]}");
        assertThat(api.get("/api/sync-policies").json().size()).isEqualTo(2);
        JsonNode tiktok = api.get("/api/sync-policies?channel=TIKTOK_SHOP").json();
        assertThat(tiktok.size()).isEqualTo(1);
        assertThat(keys(tiktok.get(0).get("fields"))).containsExactly("TITLE", "CATEGORIES");
    }

    @Test
    void aWorkspaceSeesNothingOfAnothersPolicies() {
        String id = api.post("/api/sync-policies", "{\"name\":\"Mine\",\"channel\":\"EBAY\"}").json().get("id").asString();
        ApiClient other = ApiClient.newWorkspace(port, workspaces);
        assertThat(other.get("/api/sync-policies").json().size()).isZero();
        assertThat(other.get("/api/sync-policies/" + id).status()).isEqualTo(404);
        assertThat(other.put("/api/sync-policies/" + id + "?confirm=true", "{\"name\":\"Theirs\"}").status()).isEqualTo(404);
        assertThat(other.post("/api/sync-policies/" + id + "/preview", "{\"name\":\"Theirs\"}").status()).isEqualTo(404);
        assertThat(other.delete("/api/sync-policies/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/sync-policies/" + id).json().get("name").asString()).isEqualTo("Mine");
    }

    @Test
    void editingAPolicyInUseNeedsConfirmationThenApplies() {
        String id = api.post("/api/sync-policies", "{\"name\":\"Main\",\"channel\":\"EBAY\"}").json().get("id").asString();
        linkListings(id, 3);

        String edit = "{\"name\":\"Main\",\"fields\":[\"PRICE\",\"TITLE\"]}";
        var preview = api.post("/api/sync-policies/" + id + "/preview", edit);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("affectedListings").asLong()).isEqualTo(3);
        assertThat(effects(preview.json().get("changes"))).containsExactly("QUANTITY DISABLED 0", "TITLE ENABLED 3");
        assertThat(keys(api.get("/api/sync-policies/" + id).json().get("fields"))).as("a preview changes nothing")
                .containsExactly("PRICE", "QUANTITY");

        var unconfirmed = api.put("/api/sync-policies/" + id, edit);
        assertThat(unconfirmed.status()).isEqualTo(428);
        assertThat(unconfirmed.contentType()).contains("application/problem+json");
        assertThat(unconfirmed.json().get("detail").asString()).contains("3 listings");
        assertThat(unconfirmed.json().get("preview").get("affectedListings").asLong()).isEqualTo(3);
        assertThat(effects(unconfirmed.json().get("preview").get("changes"))).containsExactly("QUANTITY DISABLED 0", "TITLE ENABLED 3");
        assertThat(keys(api.get("/api/sync-policies/" + id).json().get("fields"))).containsExactly("PRICE", "QUANTITY");

        var confirmed = api.put("/api/sync-policies/" + id + "?confirm=true", edit);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(keys(confirmed.json().get("fields"))).containsExactly("PRICE", "TITLE");
        assertThat(confirmed.json().get("version").asLong()).isEqualTo(2);
        assertThat(keys(api.get("/api/sync-policies/" + id).json().get("fields"))).containsExactly("PRICE", "TITLE");
        assertThat(events.of(merchant.workspace())).filteredOn(SyncPolicyChanged.class::isInstance)
                .as("only the applied edit is announced").containsExactly(new SyncPolicyChanged(merchant.workspace(), Long.parseLong(id), 2));

        var rename = api.put("/api/sync-policies/" + id, "{\"name\":\"Renamed\"}");
        assertThat(rename.status()).as("even a rename of a policy in use is confirmed first").isEqualTo(428);
        assertThat(rename.json().get("preview").get("changes").size()).isZero();
        assertThat(api.put("/api/sync-policies/" + id + "?confirm=true", "{\"name\":\"Renamed\"}").json().get("fields").size())
                .as("an edit without fields keeps them").isEqualTo(2);
    }

    @Test
    void editingAnUnusedPolicyNeedsNoConfirmationButMayNotChangeItsChannelOrOfferedFields() {
        String id = api.post("/api/sync-policies", "{\"name\":\"Free\",\"channel\":\"EBAY\"}").json().get("id").asString();
        var edited = api.put("/api/sync-policies/" + id, "{\"name\":\"Free 2\",\"channel\":\"EBAY\",\"fields\":[\"FITMENT\"]}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("Free 2");
        assertThat(api.put("/api/sync-policies/" + id, "{\"channel\":\"AMAZON\",\"fields\":[\"PRICE\"]}").status()).isEqualTo(400);
        var otto = api.post("/api/sync-policies", "{\"name\":\"O\",\"channel\":\"OTTO\"}").json().get("id").asString();
        var refused = api.put("/api/sync-policies/" + otto, "{\"fields\":[\"TITLE\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("OTTO Market").contains("TITLE");
    }

    @Test
    void aPolicyInUseCannotBeDeleted() {
        String id = api.post("/api/sync-policies", "{\"name\":\"Used\",\"channel\":\"EBAY\"}").json().get("id").asString();
        linkListings(id, 2);
        var refused = api.delete("/api/sync-policies/" + id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("2 listings");
        String unused = api.post("/api/sync-policies", "{\"name\":\"Unused\",\"channel\":\"EBAY\"}").json().get("id").asString();
        assertThat(api.delete("/api/sync-policies/" + unused).status()).isEqualTo(204);
        assertThat(api.get("/api/sync-policies/" + unused).status()).isEqualTo(404);
    }

    private void linkListings(String syncPolicyId, int count) {
        long account = new AccountFixture(jdbc).account(merchant.workspace(), Channel.EBAY);
        for (int i = 0; i < count; i++) {
            new CatalogFixture(jdbc).product(merchant.workspace(), "SKU-" + syncPolicyId + "-" + i);
            var linked = api.post("/api/listings", "{\"sku\":\"SKU-" + syncPolicyId + "-" + i + "\",\"accountId\":" + account
                    + ",\"syncPolicyId\":\"" + syncPolicyId + "\"}");
            assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        }
    }

    static List<String> keys(JsonNode array) {
        List<String> keys = new ArrayList<>();
        array.forEach(k -> keys.add(k.asString()));
        return keys;
    }

    static List<String> effects(JsonNode changes) {
        List<String> effects = new ArrayList<>();
        changes.forEach(c -> effects.add(c.get("field").asString() + " " + c.get("effect").asString() + " " + c.get("listingsToSend").asLong()));
        return effects;
    }
}
