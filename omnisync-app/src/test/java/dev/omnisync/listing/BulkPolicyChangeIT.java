package dev.omnisync.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BulkPolicyChangeIT {

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedEvents events;

    Merchant merchant;
    ApiClient api;
    long ebay;
    long ebay2;
    long amazon;
    List<String> ebayIds = new ArrayList<>();

    /** 6 listings on eBay account 1, 3 on eBay account 2, 2 on Amazon; all on their channel's defaults. */
    @BeforeEach
    void listings() {
        merchant = Merchant.create(port, workspaces);
        api = merchant.api();
        var accounts = new AccountFixture(jdbc);
        ebay = accounts.account(merchant.workspace(), Channel.EBAY, "eBay DE");
        ebay2 = accounts.account(merchant.workspace(), Channel.EBAY, "eBay UK");
        amazon = accounts.account(merchant.workspace(), Channel.AMAZON);
        new CatalogFixture(jdbc).products(merchant.workspace(), "SHOE-", 6);
        new CatalogFixture(jdbc).products(merchant.workspace(), "HAT-", 3);
        for (int i = 1; i <= 6; i++) {
            ebayIds.add(link("SHOE-000" + i, ebay));
        }
        for (int i = 1; i <= 3; i++) {
            link("HAT-000" + i, ebay2);
        }
        link("SHOE-0001", amazon);
        link("SHOE-0002", amazon);
    }

    @Test
    void movesExactlyTheListingsNamedByIdAfterConfirmationAndUndoRestoresThem() {
        String target = api.post("/api/sync-policies", "{\"name\":\"Content\",\"channel\":\"EBAY\",\"fields\":[\"PRICE\",\"QUANTITY\",\"TITLE\"]}")
                .json().get("id").asString();
        Map<String, String> before = syncPolicies();
        List<String> chosen = ebayIds.subList(1, 4);
        String body = "{\"listingIds\":[" + String.join(",", chosen) + "],\"syncPolicyId\":\"" + target + "\"}";

        var unconfirmed = api.post("/api/listings/policy", body);
        assertThat(unconfirmed.status()).as(unconfirmed.body()).isEqualTo(428);
        assertThat(unconfirmed.json().get("preview").get("affectedListings").asLong()).isEqualTo(3);
        JsonNode change = unconfirmed.json().get("preview").get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("TITLE");
        assertThat(change.get("effect").asString()).isEqualTo("ENABLED");
        assertThat(change.get("listingsToSend").asLong()).isEqualTo(3);
        assertThat(syncPolicies()).as("nothing changes before confirmation").isEqualTo(before);

        var confirmed = api.post("/api/listings/policy", body.replace("}", ",\"confirm\":true}"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("moved").asLong()).isEqualTo(3);
        String changeId = confirmed.json().get("changeId").asString();

        Map<String, String> after = syncPolicies();
        for (var entry : after.entrySet()) {
            String expected = chosen.contains(entry.getKey()) ? target : before.get(entry.getKey());
            assertThat(entry.getValue()).as("listing " + entry.getKey()).isEqualTo(expected);
        }

        var undone = api.post("/api/listings/policy/" + changeId + "/undo", "");
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.json().get("restored").asLong()).isEqualTo(3);
        assertThat(syncPolicies()).isEqualTo(before);

        var again = api.post("/api/listings/policy/" + changeId + "/undo", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(events.of(merchant.workspace()).stream().filter(ListingPoliciesChanged.class::isInstance).toList())
                .as("the planner hears of the move and of its undo, once each")
                .containsExactly(new ListingPoliciesChanged(merchant.workspace(), Long.parseLong(changeId), PolicyKind.SYNC, 3, false),
                        new ListingPoliciesChanged(merchant.workspace(), Long.parseLong(changeId), PolicyKind.SYNC, 3, true));
        assertThat(api.post("/api/listings/policy/99999999/undo", "").status()).isEqualTo(404);
    }

    @Test
    void movesExactlyTheListingsMatchingAFilter() {
        String target = api.post("/api/sync-policies", "{\"name\":\"Qty only\",\"channel\":\"EBAY\",\"fields\":[\"QUANTITY\"]}")
                .json().get("id").asString();
        Map<String, String> before = syncPolicies();
        var moved = api.post("/api/listings/policy", "{\"filter\":{\"channel\":\"EBAY\",\"sku\":\"SHOE-*\"},\"syncPolicyId\":" + target
                + ",\"confirm\":true}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("moved").asLong()).isEqualTo(6);
        Map<String, String> after = syncPolicies();
        assertThat(after.entrySet().stream().filter(e -> e.getValue().equals(target)).map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrderElementsOf(ebayIds);

        // a second run moves nothing: they are on the target already
        var again = api.post("/api/listings/policy", "{\"filter\":{\"channel\":\"EBAY\",\"sku\":\"SHOE-*\"},\"syncPolicyId\":" + target + "}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("moved").asLong()).isZero();

        assertThat(api.post("/api/listings/policy/" + moved.json().get("changeId").asString() + "/undo", "").status()).isEqualTo(200);
        assertThat(syncPolicies()).isEqualTo(before);
    }

    @Test
    void movesSellingPoliciesByAccountFilter() {
        String target = api.post("/api/selling-policies", "{\"name\":\"UK\",\"channel\":\"EBAY\",\"price\":{\"currencyRate\":\"0.86\"}}")
                .json().get("id").asString();
        var preview = api.post("/api/listings/policy", "{\"filter\":{\"accountId\":" + ebay2 + "},\"sellingPolicyId\":" + target + "}");
        assertThat(preview.status()).isEqualTo(428);
        assertThat(preview.json().get("changes").get(0).get("effect").asString()).isEqualTo("CHANGED");
        assertThat(preview.json().get("detail").asString()).contains("3 listings");
        var moved = api.post("/api/listings/policy?confirm=true", "{\"filter\":{\"accountId\":" + ebay2 + "},\"sellingPolicyId\":" + target + "}");
        assertThat(moved.json().get("moved").asLong()).isEqualTo(3);
        assertThat(api.get("/api/listings?sellingPolicyId=" + target).json().size()).isEqualTo(3);
        assertThat(api.get("/api/listings?sellingPolicyId=" + target + "&accountId=" + ebay).json().size()).isZero();
    }

    @Test
    void createsTheNewPolicyInTheSameStep() {
        var preview = api.post("/api/listings/policy", "{\"filter\":{\"accountId\":" + ebay2 + "},\"syncPolicy\":{\"name\":\"Hats\",\"fields\":[\"PRICE\",\"FITMENT\"]}}");
        assertThat(preview.status()).isEqualTo(428);
        assertThat(api.get("/api/sync-policies?channel=EBAY").json().size()).as("not created before confirmation").isEqualTo(1);
        var moved = api.post("/api/listings/policy", "{\"filter\":{\"accountId\":" + ebay2 + "},\"syncPolicy\":{\"name\":\"Hats\",\"fields\":[\"PRICE\",\"FITMENT\"]},\"confirm\":true}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("moved").asLong()).isEqualTo(3);
        JsonNode policy = api.get("/api/sync-policies/" + moved.json().get("policyId").asString()).json();
        assertThat(policy.get("name").asString()).isEqualTo("Hats");
        assertThat(policy.get("channel").asString()).isEqualTo("EBAY");
        assertThat(policy.get("listings").asLong()).isEqualTo(3);
    }

    @Test
    void anUndoWhosePreviousPolicyWasDeletedIsRefusedNotBroken() {
        String first = api.post("/api/sync-policies", "{\"name\":\"First\",\"channel\":\"EBAY\"}").json().get("id").asString();
        String second = api.post("/api/sync-policies", "{\"name\":\"Second\",\"channel\":\"EBAY\"}").json().get("id").asString();
        String ids = "{\"listingIds\":[" + ebayIds.get(0) + "],\"confirm\":true,\"syncPolicyId\":";
        api.post("/api/listings/policy", ids + first + "}");
        String changeId = api.post("/api/listings/policy", ids + second + "}").json().get("changeId").asString();
        assertThat(api.delete("/api/sync-policies/" + first).status()).isEqualTo(204);
        var refused = api.post("/api/listings/policy/" + changeId + "/undo", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("deleted").contains(first);
        assertThat(api.get("/api/listings/" + ebayIds.get(0)).json().get("syncPolicyId").asString()).isEqualTo(second);
    }

    @Test
    void refusesListingsOfAnotherChannelThanThePolicys() {
        String ottoPolicy = api.post("/api/sync-policies", "{\"name\":\"Otto\",\"channel\":\"OTTO\"}").json().get("id").asString();
        Map<String, String> before = syncPolicies();
        var refused = api.post("/api/listings/policy", "{\"filter\":{},\"syncPolicyId\":" + ottoPolicy + ",\"confirm\":true}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("OTTO Market").contains("eBay").contains("Amazon");
        String ebayPolicy = api.post("/api/sync-policies", "{\"name\":\"E\",\"channel\":\"EBAY\"}").json().get("id").asString();
        var mixed = api.post("/api/listings/policy", "{\"filter\":{\"sku\":\"SHOE-0001\"},\"syncPolicyId\":" + ebayPolicy + ",\"confirm\":true}");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("detail").asString()).contains("Amazon");
        assertThat(syncPolicies()).isEqualTo(before);
        var unclear = api.post("/api/listings/policy", "{\"filter\":{},\"syncPolicy\":{\"name\":\"n\"},\"confirm\":true}");
        assertThat(unclear.status()).isEqualTo(400);
    }

    @Test
    void badRequestsAre4xxNeverServerErrors() {
        String target = api.post("/api/sync-policies", "{\"name\":\"T\",\"channel\":\"EBAY\"}").json().get("id").asString();
        for (String body : List.of("{}", "{\"listingIds\":[]}", "{\"listingIds\":[1],\"filter\":{},\"syncPolicyId\":" + target + "}",
                "{\"listingIds\":[" + ebayIds.get(0) + "]}",
                "{\"listingIds\":[" + ebayIds.get(0) + "],\"syncPolicyId\":" + target + ",\"sellingPolicyId\":1}",
                "{\"listingIds\":[" + ebayIds.get(0) + ", 99999999],\"syncPolicyId\":" + target + "}",
                "{\"listingIds\":[null],\"syncPolicyId\":" + target + "}",
                "{\"listingIds\":[" + ebayIds.get(0) + "],\"syncPolicyId\":99999999}",
                "{\"filter\":{\"channel\":\"ETSY\"},\"syncPolicyId\":" + target + "}",
                "{\"filter\":{\"status\":\"a b\"},\"syncPolicyId\":" + target + "}",
                "{\"filter\":{\"colour\":1},\"syncPolicyId\":" + target + "}",
                "{\"listingIds\":[\"x\"],\"syncPolicyId\":" + target + "}",
                "{\"filter\":{},\"syncPolicy\":{\"name\":\"o\",\"channel\":\"OTTO\",\"fields\":[\"TITLE\"]}}", "oops")) {
            var response = api.post("/api/listings/policy", body);
            assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
        }
        var unknown = api.post("/api/listings/policy", "{\"listingIds\":[" + ebayIds.get(0) + ", 99999999],\"syncPolicyId\":" + target + "}");
        assertThat(unknown.json().get("detail").asString()).contains("99999999");
        assertThat(api.post("/api/listings/policy/abc/undo", "").status()).isEqualTo(400);
    }

    @Test
    void aWorkspaceCannotMoveOrUndoAnothersListings() {
        String target = api.post("/api/sync-policies", "{\"name\":\"T\",\"channel\":\"EBAY\"}").json().get("id").asString();
        String changeId = api.post("/api/listings/policy", "{\"listingIds\":[" + ebayIds.get(0) + "],\"syncPolicyId\":" + target
                + ",\"confirm\":true}").json().get("changeId").asString();
        Merchant other = Merchant.create(port, workspaces);
        String theirs = other.api().post("/api/sync-policies", "{\"name\":\"T\",\"channel\":\"EBAY\"}").json().get("id").asString();
        assertThat(other.api().post("/api/listings/policy", "{\"listingIds\":[" + ebayIds.get(1) + "],\"syncPolicyId\":" + theirs
                + ",\"confirm\":true}").status()).isEqualTo(400);
        var filtered = other.api().post("/api/listings/policy", "{\"filter\":{\"channel\":\"EBAY\"},\"syncPolicyId\":" + theirs + ",\"confirm\":true}");
        assertThat(filtered.json().get("moved").asLong()).isZero();
        assertThat(other.api().post("/api/listings/policy/" + changeId + "/undo", "").status()).isEqualTo(404);
        assertThat(api.get("/api/listings/" + ebayIds.get(1)).json().get("syncPolicy").get("name").asString()).isEqualTo("eBay default");
    }

    private String link(String sku, long account) {
        var linked = api.post("/api/listings", "{\"sku\":\"" + sku + "\",\"accountId\":" + account + "}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        return linked.json().get("id").asString();
    }

    private Map<String, String> syncPolicies() {
        Map<String, String> byListing = new HashMap<>();
        api.get("/api/listings?limit=1000").json().forEach(l -> byListing.put(l.get("id").asString(), l.get("syncPolicyId").asString()));
        return byListing;
    }
}
