package dev.omnisync.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ListingApiIT {

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
    CatalogFixture catalog;
    AccountFixture accounts;

    @BeforeEach
    void newMerchant() {
        merchant = Merchant.create(port, workspaces);
        api = merchant.api();
        catalog = new CatalogFixture(jdbc);
        accounts = new AccountFixture(jdbc);
    }

    @Test
    void linkingWithoutPoliciesUsesTheChannelsDefaultsCreatedOnFirstUse() {
        long ebay = accounts.account(merchant.workspace(), Channel.EBAY);
        catalog.product(merchant.workspace(), "A-1");
        catalog.product(merchant.workspace(), "A-2");
        var linked = api.post("/api/listings", "{\"sku\":\"A-1\",\"accountId\":\"" + ebay + "\",\"channelRef\":\"1234567\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        JsonNode listing = linked.json();
        assertThat(listing.get("sku").asString()).isEqualTo("A-1");
        assertThat(listing.get("channel").asString()).isEqualTo("EBAY");
        assertThat(listing.get("channelRef").asString()).isEqualTo("1234567");
        assertThat(listing.get("inventorySync").asBoolean()).isTrue();
        assertThat(listing.get("priceManagedBy").asString()).isEqualTo("STORE");
        assertThat(listing.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(listing.get("online").isObject()).isTrue();
        assertThat(listing.get("syncPolicy").get("name").asString()).isEqualTo("eBay default");
        assertThat(listing.get("sellingPolicy").get("name").asString()).isEqualTo("eBay default");
        assertThat(listing.has("pendingWork")).isTrue();

        JsonNode second = api.post("/api/listings", "{\"sku\":\"A-2\",\"accountId\":" + ebay + "}").json();
        assertThat(second.get("syncPolicyId").asString()).isEqualTo(listing.get("syncPolicyId").asString());
        JsonNode defaults = api.get("/api/sync-policies?channel=EBAY").json();
        assertThat(defaults.size()).isEqualTo(1);
        assertThat(defaults.get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(defaults.get(0).get("listings").asLong()).isEqualTo(2);
        JsonNode selling = api.get("/api/selling-policies?channel=EBAY").json().get(0);
        assertThat(selling.get("price").get("rounding").asString()).isEqualTo("NONE");
        assertThat(selling.get("quantity").get("percentage").asInt()).isEqualTo(100);

        JsonNode fetched = api.get("/api/listings/" + listing.get("id").asString()).json();
        assertThat(fetched.get("sku").asString()).isEqualTo("A-1");
    }

    @Test
    void concurrentFirstUsesCreateOneDefault() throws Exception {
        long ebay = accounts.account(merchant.workspace(), Channel.EBAY);
        catalog.products(merchant.workspace(), "C-", 8);
        List<Callable<Integer>> links = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String sku = "C-" + String.format("%04d", i);
            links.add(() -> api.post("/api/listings", "{\"sku\":\"" + sku + "\",\"accountId\":" + ebay + "}").status());
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var f : pool.invokeAll(links)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/api/sync-policies").json().size()).isEqualTo(1);
        assertThat(api.get("/api/selling-policies").json().size()).isEqualTo(1);
    }

    @Test
    void anInlinePolicyIsCreatedForTheAccountsChannel() {
        long amazon = accounts.account(merchant.workspace(), Channel.AMAZON);
        catalog.product(merchant.workspace(), "B-1");
        var linked = api.post("/api/listings", """
                {"sku":"B-1","accountId":%d,"syncPolicy":{"name":"Content","fields":["PRICE","TITLE","ATTRIBUTES"]},
                 "asinOwner":true,"inventorySync":false,"priceManagedBy":"REPRICER"}""".formatted(amazon));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("syncPolicy").get("name").asString()).isEqualTo("Content");
        assertThat(linked.json().get("asinOwner").asBoolean()).isTrue();
        assertThat(linked.json().get("inventorySync").asBoolean()).isFalse();
        assertThat(linked.json().get("priceManagedBy").asString()).isEqualTo("REPRICER");
        JsonNode policy = api.get("/api/sync-policies/" + linked.json().get("syncPolicyId").asString()).json();
        assertThat(policy.get("channel").asString()).isEqualTo("AMAZON");
    }

    @Test
    void refusesWhatCannotBeLinked() {
        long ebay = accounts.account(merchant.workspace(), Channel.EBAY);
        long otto = accounts.account(merchant.workspace(), Channel.OTTO);
        catalog.product(merchant.workspace(), "R-1");
        String amazonPolicy = api.post("/api/sync-policies", "{\"name\":\"Amz\",\"channel\":\"AMAZON\"}").json().get("id").asString();

        var unknownSku = api.post("/api/listings", "{\"sku\":\"NOPE\",\"accountId\":" + ebay + "}");
        assertThat(unknownSku.status()).isEqualTo(400);
        assertThat(unknownSku.json().get("detail").asString()).contains("NOPE");
        var unknownAccount = api.post("/api/listings", "{\"sku\":\"R-1\",\"accountId\":99999999}");
        assertThat(unknownAccount.status()).isEqualTo(400);
        assertThat(unknownAccount.json().get("detail").asString()).contains("99999999");

        var otherChannel = api.post("/api/listings", "{\"sku\":\"R-1\",\"accountId\":" + ebay + ",\"syncPolicyId\":" + amazonPolicy + "}");
        assertThat(otherChannel.status()).isEqualTo(400);
        assertThat(otherChannel.json().get("detail").asString()).contains("Amazon").contains("eBay");

        var asin = api.post("/api/listings", "{\"sku\":\"R-1\",\"accountId\":" + otto + ",\"asinOwner\":true}");
        assertThat(asin.status()).isEqualTo(400);
        assertThat(asin.json().get("detail").asString()).contains("asinOwner").contains("OTTO Market");

        var inlineOtto = api.post("/api/listings", "{\"sku\":\"R-1\",\"accountId\":" + otto + ",\"syncPolicy\":{\"name\":\"t\",\"fields\":[\"TITLE\"]}}");
        assertThat(inlineOtto.status()).isEqualTo(400);
        assertThat(inlineOtto.json().get("detail").asString()).isEqualTo("OTTO Market does not offer TITLE; it offers PRICE, QUANTITY");

        assertThat(api.post("/api/listings", "{\"sku\":\"R-1\",\"accountId\":" + ebay + "}").status()).isEqualTo(201);
        var duplicate = api.post("/api/listings", "{\"sku\":\"R-1\",\"accountId\":" + ebay + "}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).contains("R-1");

        for (String body : List.of("{}", "{\"sku\":\"R-1\"}", "{\"accountId\":" + ebay + "}", "{\"sku\":\"R-1\",\"accountId\":\"x\"}",
                "{\"sku\":\"R-1\",\"accountId\":" + otto + ",\"priceManagedBy\":\"ME\"}",
                "{\"sku\":\"R-1\",\"accountId\":" + otto + ",\"syncPolicyId\":1,\"syncPolicy\":{\"name\":\"n\"}}",
                "{\"sku\":\"R-1\",\"accountId\":" + otto + ",\"sellingPolicyId\":99999999}", "{\"sku\":\"R-1\",\"bogus\":1}", "nope")) {
            var response = api.post("/api/listings", body);
            assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
        }
    }

    @Test
    void listsFilteredAndKeysetPaged() {
        long ebay = accounts.account(merchant.workspace(), Channel.EBAY);
        long amazon = accounts.account(merchant.workspace(), Channel.AMAZON);
        catalog.products(merchant.workspace(), "L-", 5);
        catalog.product(merchant.workspace(), "X_1");
        for (int i = 1; i <= 5; i++) {
            api.post("/api/listings", "{\"sku\":\"L-000" + i + "\",\"accountId\":" + ebay + "}");
        }
        api.post("/api/listings", "{\"sku\":\"L-0001\",\"accountId\":" + amazon + "}");
        api.post("/api/listings", "{\"sku\":\"X_1\",\"accountId\":" + amazon + "}");

        assertThat(api.get("/api/listings").json().size()).isEqualTo(7);
        assertThat(api.get("/api/listings?channel=AMAZON").json().size()).isEqualTo(2);
        assertThat(api.get("/api/listings?accountId=" + ebay).json().size()).isEqualTo(5);
        assertThat(api.get("/api/listings?sku=L-0001").json().size()).isEqualTo(2);
        assertThat(api.get("/api/listings?sku=L-*").json().size()).isEqualTo(6);
        assertThat(api.get("/api/listings?sku=X_*").json().size()).isEqualTo(1);
        assertThat(api.get("/api/listings?sku=X%25*").json().size()).as("% is no wildcard").isZero();
        assertThat(api.get("/api/listings?status=ACTIVE").json().size()).isEqualTo(7);
        assertThat(api.get("/api/listings?status=QUARANTINED").json().size()).isZero();
        String ebayDefault = api.get("/api/listings?channel=EBAY").json().get(0).get("syncPolicyId").asString();
        assertThat(api.get("/api/listings?syncPolicyId=" + ebayDefault).json().size()).isEqualTo(5);

        List<String> seen = new ArrayList<>();
        String after = "0";
        for (int page = 0; page < 10; page++) {
            var response = api.get("/api/listings?limit=3&after=" + after);
            JsonNode items = response.json();
            items.forEach(i -> seen.add(i.get("id").asString()));
            if (items.size() < 3) {
                break;
            }
            after = items.get(items.size() - 1).get("id").asString();
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));

        assertThat(api.get("/api/listings?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/listings?limit=1001").status()).isEqualTo(400);
        assertThat(api.get("/api/listings?channel=ETSY").status()).isEqualTo(400);
        assertThat(api.get("/api/listings?status=drop%20table").status()).isEqualTo(400);
        assertThat(api.get("/api/listings/99999999").status()).isEqualTo(404);
    }

    @Test
    void patchChangesOnlyThePerItemSettings() {
        long amazon = accounts.account(merchant.workspace(), Channel.AMAZON);
        long ebay = accounts.account(merchant.workspace(), Channel.EBAY);
        catalog.product(merchant.workspace(), "P-1");
        String id = api.post("/api/listings", "{\"sku\":\"P-1\",\"accountId\":" + amazon + "}").json().get("id").asString();
        String onEbay = api.post("/api/listings", "{\"sku\":\"P-1\",\"accountId\":" + ebay + "}").json().get("id").asString();

        var patched = api.patch("/api/listings/" + id, "{\"inventorySync\":false,\"priceManagedBy\":\"REPRICER\",\"asinOwner\":true}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode listing = api.get("/api/listings/" + id).json();
        assertThat(listing.get("inventorySync").asBoolean()).isFalse();
        assertThat(listing.get("priceManagedBy").asString()).isEqualTo("REPRICER");
        assertThat(listing.get("asinOwner").asBoolean()).isTrue();

        assertThat(api.patch("/api/listings/" + id, "{\"priceManagedBy\":\"STORE\"}").json().get("inventorySync").asBoolean()).isFalse();

        var sku = api.patch("/api/listings/" + id, "{\"sku\":\"OTHER\"}");
        assertThat(sku.status()).isEqualTo(400);
        assertThat(sku.json().get("detail").asString()).contains("sku");
        assertThat(api.patch("/api/listings/" + id, "{\"syncPolicyId\":1}").status()).isEqualTo(400);
        assertThat(api.patch("/api/listings/" + id, "{\"inventorySync\":\"yes\"}").status()).isEqualTo(400);
        assertThat(api.patch("/api/listings/" + id, "{\"priceManagedBy\":\"ME\"}").status()).isEqualTo(400);
        assertThat(api.patch("/api/listings/" + id, "[1]").status()).isEqualTo(400);
        assertThat(api.patch("/api/listings/" + onEbay, "{\"asinOwner\":true}").status()).isEqualTo(400);
        assertThat(api.patch("/api/listings/99999999", "{\"inventorySync\":true}").status()).isEqualTo(404);
        assertThat(events.of(merchant.workspace())).contains(
                new ListingLinked(merchant.workspace(), Long.parseLong(id), amazon, "P-1"),
                new ListingSettingsChanged(merchant.workspace(), Long.parseLong(id), java.util.Set.of("inventorySync", "priceManagedBy", "asinOwner")),
                new ListingSettingsChanged(merchant.workspace(), Long.parseLong(id), java.util.Set.of("priceManagedBy")));
        assertThat(events.of(merchant.workspace())).filteredOn(ListingSettingsChanged.class::isInstance).hasSize(2);
    }

    @Test
    void aWorkspaceSeesNothingOfAnothersListings() {
        long ebay = accounts.account(merchant.workspace(), Channel.EBAY);
        catalog.product(merchant.workspace(), "I-1");
        String id = api.post("/api/listings", "{\"sku\":\"I-1\",\"accountId\":" + ebay + "}").json().get("id").asString();

        Merchant other = Merchant.create(port, workspaces);
        catalog.product(other.workspace(), "I-1");
        assertThat(other.api().get("/api/listings").json().size()).isZero();
        assertThat(other.api().get("/api/listings/" + id).status()).isEqualTo(404);
        assertThat(other.api().patch("/api/listings/" + id, "{\"inventorySync\":false}").status()).isEqualTo(404);
        assertThat(other.api().post("/api/listings", "{\"sku\":\"I-1\",\"accountId\":" + ebay + "}").status())
                .as("another workspace's account").isEqualTo(400);
        assertThat(api.get("/api/listings/" + id).json().get("inventorySync").asBoolean()).isTrue();
    }
}
