package dev.omnisync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.IssuedToken;
import dev.omnisync.workspace.Workspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser (Debian's headless Chromium): sign-in, linking with a policy made from "+",
 * a policy edit confirmed with its count, a bulk Change Policy with progress and undo, and explain. Each test
 * works in a workspace of its own, with an eBay account connected to the in-process eBay sandbox.
 */
@IntegrationTest
class ConsoleBrowserIT {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    private ApiClient api;
    private ApiClient sandbox;
    private String token;
    private String accountId;

    @BeforeAll
    static void startBrowser() {
        // the port is known per test instance only; the browser is made lazily by the first test
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void merchant() {
        if (browser == null) {
            browser = new Browser(port);
        }
        IssuedToken issued = workspaces.create("console-" + UUID.randomUUID());
        token = issued.token();
        api = new ApiClient(port, token);
        sandbox = new ApiClient(port, null);
        JsonNode credentials = sandbox.get("/sandbox/ebay/_control/credentials").json();
        var created = api.post("/api/accounts", """
                {"channel":"EBAY","name":"eBay DE","region":"EBAY_DE","currency":"EUR","baseUrl":"http://localhost:%d/sandbox/ebay",
                 "createStoreOrders":true,"credentials":%s}""".formatted(port, credentials.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        accountId = created.json().get("id").asString();
        browser.open("/login");
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void signInWithTheApiTokenOpensTheConsoleAndSignOutClosesIt() {
        browser.open("/listings");
        assertThat(browser.path()).startsWith("/login");
        browser.type("#token", "osk_wrong-token-for-sure");
        browser.click("#sign-in");
        assertThat(browser.await("#login-error").getText()).contains("not valid");

        browser.signIn(token);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find("h1").getText()).isEqualTo("Dashboard");
        for (String tab : List.of("/products", "/listings", "/policies", "/orders", "/accounts")) {
            browser.open(tab);
            assertThat(browser.path()).as(tab).isEqualTo(tab);
        }
        assertThat(browser.find("main").getText()).contains("eBay DE");
        browser.click("#sign-out");
        browser.until(d -> browser.path().startsWith("/login"));
        browser.open("/accounts");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void thePlusNextToThePolicyFieldCreatesAPolicyWhileLinking() {
        String sku = product("PLUS", "Plus mug", "12.50", 7);
        browser.signIn(token);
        browser.open("/listings");
        browser.type("#link-sku", sku);
        new Select(browser.find("#link-account")).selectByValue(accountId);
        browser.await("#new-sync-policy").click();
        browser.await("#inline-name");
        api.post("/api/sync-policies", "{\"name\":\"Taken\",\"channel\":\"EBAY\",\"fields\":[\"PRICE\"]}");
        browser.type("#inline-name", "Taken");
        browser.click("#create-inline-policy");
        assertThat(browser.await("#inline-policy-error .refusal").getText()).contains("named 'Taken' exists already");
        String name = "With title " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("#inline-name", name);
        browser.click("#inline-field-TITLE");
        // eBay's editor shows exactly eBay's fields
        assertThat(browser.driver().findElements(By.cssSelector("#new-policy-inline input[name=newPolicyFields]"))).hasSize(12);
        browser.click("#create-inline-policy");
        assertThat(browser.await("#link-policies .notice").getText()).contains("Created synchronization policy '" + name + "'");
        assertThat(new Select(browser.find("#link-sync")).getFirstSelectedOption().getText()).isEqualTo(name);

        browser.click("#link-submit");
        browser.await("#linked-listing");
        JsonNode listing = api.get("/api/listings?sku=" + sku).json().get(0);
        assertThat(listing.path("syncPolicy").path("name").asString()).isEqualTo(name);
        JsonNode policy = api.get("/api/sync-policies/" + listing.path("syncPolicyId").asString()).json();
        assertThat(policy.path("fields").toString()).contains("TITLE", "PRICE", "QUANTITY");
    }

    @Test
    void onTheDefaultRunLinkingToASandboxAccountGivesTheSandboxAnOfferAndTheStoresValuesArriveThere() {
        ApiClient merchant = new ApiClient(port, "it-default-workspace-token");
        String sku = "ARRIVE-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(merchant.put("/api/products/" + sku, """
                {"title":"Arriving mug","price":"23.40","quantity":6}""").status()).isIn(200, 201);
        String sandboxEbay = null;
        for (JsonNode account : merchant.get("/api/accounts").json()) {
            if (account.path("name").asString().equals("Sandbox eBay")) {
                sandboxEbay = account.path("id").asString();
            }
        }
        assertThat(sandboxEbay).as("the default run seeds a Sandbox eBay account").isNotNull();

        browser.signIn("it-default-workspace-token");
        browser.open("/listings");
        browser.type("#link-sku", sku);
        new Select(browser.find("#link-account")).selectByValue(sandboxEbay);
        browser.await("#link-sync");
        browser.click("#link-submit");
        browser.await("#linked-listing").click();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode offer = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json();
            assertThat(offer.path("price").asString()).isEqualTo("23.40");
            assertThat(offer.path("quantity").asInt()).isEqualTo(6);
        });
        // the listing page follows the sync without a reload
        browser.until(d -> browser.text("#explain-PRICE").contains("UP_TO_DATE"));
        assertThat(browser.text("#explain-PRICE")).contains("23.40");

        // the whole demo catalog: offers on the sandbox, then matched to the store's products by SKU
        browser.open("/accounts");
        browser.click("#sandbox-offers-" + sandboxEbay);
        assertThat(browser.await("#notice").getText()).contains("new offers");
        browser.click("#match-" + sandboxEbay);
        assertThat(browser.await("#notice").getText()).containsPattern("Linked [1-9][0-9]* offers to store products; [1-9][0-9]* were linked already");
        browser.screenshot("accounts");
        JsonNode listed = merchant.get("/api/listings?accountId=" + sandboxEbay + "&sku=MUG-CLASSIC-RED").json();
        assertThat(listed.size()).isEqualTo(1);
        String mugId = listed.get(0).path("id").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(explainField(merchant, mugId, "PRICE").path("decision").asString()).isEqualTo("UP_TO_DATE"));
    }

    @Test
    void editingAPolicyInUseAsksForConfirmationWithTheCountAndThenReplansItsListings() {
        String policyId = api.post("/api/sync-policies", """
                {"name":"Price and stock","channel":"EBAY","fields":["PRICE","QUANTITY"]}""").json().get("id").asString();
        List<String> listingIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            listingIds.add(link(product("EDIT", "Edited title " + i, "9.90", 4), policyId, true));
        }
        String first = listingIds.get(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(explainField(first, "TITLE").path("decision").asString()).isEqualTo("SKIPPED"));

        browser.signIn(token);
        browser.open("/policies/sync/" + policyId);
        assertThat(browser.driver().findElements(By.cssSelector("input[name=fields]"))).hasSize(12);
        assertThat(browser.find("#sync-policy-form").getText()).contains("recommended");
        browser.click("#field-TITLE");
        browser.click("#save-policy");
        assertThat(browser.await("#affected-count").getText()).isEqualTo("3");
        assertThat(browser.find("#policy-confirm").getText()).contains("TITLE").contains("ENABLED").contains("Edited title");
        browser.screenshot("policy-confirmation");
        // nothing changed before the confirmation
        assertThat(api.get("/api/sync-policies/" + policyId).json().path("fields").toString()).doesNotContain("TITLE");

        browser.click("#confirm-edit");
        assertThat(browser.await("#save-result .notice").getText()).contains("Saved synchronization policy");
        assertThat(api.get("/api/sync-policies/" + policyId).json().path("fields").toString()).contains("TITLE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : listingIds) {
                assertThat(explainField(id, "TITLE").path("decision").asString()).as(id).isNotEqualTo("SKIPPED");
            }
        });
    }

    @Test
    void bulkChangePolicyOnAFilterShowsProgressThenDoneAndCanBeUndone() {
        String prefix = "BULK" + UUID.randomUUID().toString().substring(0, 4).toUpperCase() + "-";
        String before = api.post("/api/sync-policies", """
                {"name":"Before %s","channel":"EBAY","fields":["PRICE","QUANTITY"]}""".formatted(prefix)).json().get("id").asString();
        String after = api.post("/api/sync-policies", """
                {"name":"After %s","channel":"EBAY","fields":["PRICE","QUANTITY","TITLE","DESCRIPTION"]}""".formatted(prefix))
                .json().get("id").asString();
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            matching.add(link(product(prefix, "Bulk " + i, "5.00", 3), before, true));
        }
        String outside = link(product("OTHER", "Not in the filter", "5.00", 3), before, true);

        browser.signIn(token);
        browser.open("/listings?sku=" + prefix + "*");
        assertThat(browser.driver().findElements(By.cssSelector("input[name=listingIds]"))).hasSize(4);
        browser.screenshot("listings");
        browser.click("#change-settings summary");
        browser.click("#scope-filter");
        new Select(browser.find("#target-policy")).selectByValue("SYNC:" + after);
        browser.click("#preview-change");
        assertThat(browser.await("#bulk-count").getText()).isEqualTo("4");
        assertThat(browser.find("#bulk-confirm").getText()).contains("TITLE").contains("starts sending");
        browser.screenshot("bulk-change-confirmation");
        assertThat(policyOf(matching.get(0))).isEqualTo(before);

        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                window.sawProgress = false;
                new MutationObserver(function () {
                  if (document.querySelector('#bulk-progress progress')) { window.sawProgress = true; }
                }).observe(document.body, {childList: true, subtree: true});""");
        browser.click("#confirm-change");
        assertThat(browser.await("#bulk-moved").getText()).isEqualTo("4");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.sawProgress"))
                .as("a progress indicator was shown while the change ran").isEqualTo(true);
        for (String id : matching) {
            assertThat(policyOf(id)).isEqualTo(after);
        }
        assertThat(policyOf(outside)).isEqualTo(before);

        browser.click("#undo-change");
        browser.until(d -> browser.find("#bulk-result").getText().contains("Undone: 4 listings"));
        assertThat(browser.driver().findElements(By.cssSelector("#undo-change"))).isEmpty();
        for (String id : matching) {
            assertThat(policyOf(id)).isEqualTo(before);
        }
    }

    @Test
    void tickedRowsMoveToASellingPolicyAndEditingASellingPolicyInUseIsConfirmedFirst() {
        String markup = api.post("/api/selling-policies", """
                {"name":"Markup","channel":"EBAY","price":{"source":"PRICE","modifiers":[{"kind":"PERCENT","value":"10"}],
                 "rounding":"NONE","currencyRate":"1","vatPercent":"0"},"quantity":{"source":"PRODUCT","percentage":100,"buffer":0}}""")
                .json().get("id").asString();
        String first = link(product("TICK", "Ticked one", "10.00", 5), null, true);
        String second = link(product("TICK", "Ticked two", "20.00", 5), null, true);
        String untouched = link(product("TICK", "Not ticked", "30.00", 5), null, true);
        String defaultSelling = api.get("/api/listings/" + first).json().path("sellingPolicyId").asString();

        browser.signIn(token);
        browser.open("/listings?accountId=" + accountId);
        browser.click("#select-" + first);
        browser.click("#select-" + second);
        browser.click("#change-settings summary");
        new Select(browser.find("#target-policy")).selectByValue("SELLING:" + markup);
        browser.click("#preview-change");
        assertThat(browser.await("#bulk-count").getText()).isEqualTo("2");
        assertThat(browser.find("#bulk-confirm").getText()).contains("price 10.00 → 11.00").contains("price 20.00 → 22.00");
        browser.click("#confirm-change");
        assertThat(browser.await("#bulk-moved").getText()).isEqualTo("2");
        assertThat(api.get("/api/listings/" + first).json().path("sellingPolicyId").asString()).isEqualTo(markup);
        assertThat(api.get("/api/listings/" + untouched).json().path("sellingPolicyId").asString()).isEqualTo(defaultSelling);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(explainField(second, "PRICE").path("online").asString()).isEqualTo("22.00"));

        browser.open("/policies/selling/" + markup);
        browser.type("#mod1Value", "20");
        browser.click("#save-policy");
        assertThat(browser.await("#affected-count").getText()).isEqualTo("2");
        assertThat(browser.find("#policy-confirm").getText()).contains("22.00").contains("24.00");
        assertThat(api.get("/api/selling-policies/" + markup).json().path("price").toString()).contains("\"10\"");
        browser.click("#confirm-edit");
        assertThat(browser.await("#save-result .notice").getText()).contains("Saved selling policy");
        assertThat(api.get("/api/selling-policies/" + markup).json().path("price").toString()).contains("\"20\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(explainField(second, "PRICE").path("online").asString()).isEqualTo("24.00"));
    }

    @Test
    void anOrderOnTheSandboxShowsOnTheOrdersPageWithItsStoreOrder() {
        String sku = product("ORDER", "Ordered mug", "8.00", 5);
        link(sku, null, true);
        String orderId = sandbox.post("/sandbox/ebay/_control/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}")
                .json().path("orderId").asString();
        assertThat(api.post("/api/orders/poll?accountId=" + accountId, null).status()).isEqualTo(200);

        browser.signIn(token);
        browser.open("/orders");
        browser.until(d -> browser.text("#orders").contains(orderId));
        assertThat(browser.text("#orders")).contains(sku + " × 2").contains("SO-");
        browser.screenshot("orders");
        browser.open("/");
        assertThat(browser.find("main").getText()).contains("Recent orders").contains(orderId);
    }

    @Test
    void turningStoreOrdersOffWarnsThatStockWillNotFollowSales() {
        browser.signIn(token);
        browser.open("/accounts");
        browser.click("#store-orders-" + accountId);
        assertThat(browser.await("#notice").getText()).contains("no longer create store orders");
        assertThat(browser.find("#account-" + accountId).getText()).contains("other channels can oversell");
        assertThat(api.get("/api/accounts/" + accountId).json().path("createStoreOrders").asBoolean()).isFalse();
        browser.click("#store-orders-" + accountId);
        assertThat(browser.await("#notice").getText()).contains("create store orders again");
        assertThat(browser.find("#account-" + accountId).getText()).doesNotContain("oversell");
    }

    @Test
    void theListingPageExplainsThatQuantityWasNotSentBecauseInventorySyncIsOff() {
        String sku = product("HOLD", "Held back", "7.00", 9);
        String listingId = link(sku, null, false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("price").asString()).isEqualTo("7.00"));

        browser.signIn(token);
        browser.open("/listings/" + listingId);
        String quantity = browser.text("#explain-QUANTITY");
        assertThat(quantity).contains("SKIPPED").contains("inventory sync is off").contains("on hand 9");
        assertThat(browser.find("#inventory-state").getText()).contains("Off");
        browser.screenshot("listing-explain");

        browser.click("#toggle-inventory");
        assertThat(browser.await("#notice").getText()).contains("Inventory sync is on");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("quantity").asInt()).isEqualTo(9));

        browser.click("#toggle-repricer");
        assertThat(browser.await("#price-owner").getText()).contains("repricer");
        browser.click("#toggle-repricer");
        assertThat(browser.await("#price-owner").getText()).contains("The store");
    }

    @Test
    void theSellingPolicyEditorShowsItsArithmeticLive() {
        browser.signIn(token);
        browser.open("/policies/selling/new?channel=EBAY");
        assertThat(browser.await("#example-price").getText()).isEqualTo("19.99");
        browser.type("#percentage", "80");
        browser.type("#max-posted", "5");
        browser.type("#buffer", "1");
        browser.until(d -> browser.find("#example-quantity").getText().equals("4"));
        assertThat(browser.find("#example-result").getText()).contains("on hand 12 − reserved 2 = 10 → ×80% = 8 → cap 5 = 5 → buffer 1 = 4");
        browser.type("#mod1Value", "10");
        browser.until(d -> browser.find("#example-price").getText().equals("21.99"));
        browser.type("#currency-rate", "abc");
        assertThat(browser.await("#example-result .refusal").getText()).contains("Currency rate");
        browser.type("#currency-rate", "1");
        browser.await("#example-price");
        browser.screenshot("selling-policy");
    }

    @Test
    void screenshotsOfTheMainPages() {
        String policyId = api.post("/api/sync-policies", """
                {"name":"Price, stock and title","channel":"EBAY","fields":["PRICE","QUANTITY","TITLE"]}""").json().get("id").asString();
        String last = null;
        for (int i = 0; i < 5; i++) {
            last = link(product("SHOT", "Enamel mug " + i, "14.90", 5 + i), policyId, true);
        }
        String lastId = last;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(explainField(lastId, "QUANTITY").path("decision").asString()).isEqualTo("UP_TO_DATE"));
        browser.signIn(token);
        browser.open("/");
        assertThat(browser.text("#channel-health")).contains("eBay");
        browser.until(d -> !d.findElements(By.cssSelector("#latency-chart canvas")).isEmpty());
        assertThat(browser.text("#latency-chart")).contains("eBay ms");
        browser.screenshot("dashboard");
        browser.open("/policies/sync/" + policyId);
        browser.screenshot("sync-policy");
        browser.open("/policies");
        browser.screenshot("policies");
        browser.open("/listings/" + lastId);
        browser.screenshot("listing");
    }

    // ---- fixtures, through the HTTP API and the sandbox's control API ----

    private String product(String prefix, String title, String price, int quantity) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var put = api.put("/api/products/" + sku, """
                {"title":"%s","price":"%s","quantity":%d}""".formatted(title, price, quantity));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"1.00\",\"quantity\":1,\"currency\":\"EUR\"}]");
        return sku;
    }

    private String link(String sku, String syncPolicyId, boolean inventorySync) {
        String offerId = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString();
        var linked = api.post("/api/listings", """
                {"sku":"%s","accountId":"%s","channelRef":"%s"%s,"inventorySync":%s}""".formatted(sku, accountId, offerId,
                syncPolicyId == null ? "" : ",\"syncPolicyId\":\"" + syncPolicyId + "\"", inventorySync));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        return linked.json().get("id").asString();
    }

    private String policyOf(String listingId) {
        return api.get("/api/listings/" + listingId).json().path("syncPolicyId").asString();
    }

    private JsonNode explainField(String listingId, String field) {
        return explainField(api, listingId, field);
    }

    private static JsonNode explainField(ApiClient api, String listingId, String field) {
        for (JsonNode f : api.get("/api/listings/" + listingId + "/explain").json().path("fields")) {
            if (f.path("field").asString().equals(field)) {
                return f;
            }
        }
        throw new AssertionError("no field " + field + " for listing " + listingId);
    }
}
