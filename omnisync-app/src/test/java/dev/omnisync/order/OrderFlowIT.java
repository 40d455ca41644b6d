package dev.omnisync.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnisync.support.ApiClient;
import dev.omnisync.support.IntegrationTest;
import dev.omnisync.workspace.Workspaces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Orders back from the channels, end to end through the HTTP API, the webhook endpoint and the in-process sandboxes:
 * an order lowers the store's stock once however often and however concurrently it is delivered, flows to the other
 * channels, and a cancellation gives the units back once.
 */
@IntegrationTest
class OrderFlowIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Workspaces workspaces;

    @Autowired
    dev.omnisync.catalog.StockLedger ledger;

    @Test
    void anEbayOrderLowersTheStoreAndKauflandThenItsCancellationRestoresThemWithoutAWastedEbayCall() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
        String ebay = account(api, sandbox, "EBAY", "ebay", "EBAY_DE");
        String kaufland = account(api, sandbox, "KAUFLAND", "kaufland", "DE");
        assertThat(api.put("/api/products/" + sku, "{\"title\":\"Order mug\",\"price\":\"19.99\",\"quantity\":10}").status()).isIn(200, 201);
        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"19.99\",\"quantity\":10,\"currency\":\"EUR\"}]");
        sandbox.post("/sandbox/kaufland/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"19.99\",\"quantity\":4}]");
        String ebayListing = link(api, sku, ebay, sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString());
        link(api, sku, kaufland, sandbox.get("/sandbox/kaufland/_control/offers/" + sku).json().path("ids").path("id_unit").asString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(quantityOn(sandbox, "kaufland", sku)).isEqualTo(10);
            assertThat(api.get("/api/listings/" + ebayListing).json().path("online").path("QUANTITY").asString()).isEqualTo("10");
        });
        int ebayUpdatesBefore = sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("updates").asInt();

        subscribe(sandbox, "ebay", ebay);
        String orderId = sandbox.post("/sandbox/ebay/_control/orders",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}").json().path("orderId").asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode product = api.get("/api/products/" + sku).json();
            assertThat(product.path("onHand").asInt()).isEqualTo(7);
            assertThat(product.path("reserved").asInt()).isZero();
            assertThat(product.path("available").asInt()).isEqualTo(7);
            assertThat(quantityOn(sandbox, "kaufland", sku)).isEqualTo(7);
        });
        List<JsonNode> orders = ordersOf(api, ebay, sku);
        assertThat(orders).hasSize(1);
        JsonNode order = orders.get(0);
        assertThat(order.path("channelOrderId").asString()).isEqualTo(orderId);
        assertThat(order.path("storeOrder").asString()).startsWith("SO-");
        assertThat(order.path("lines").get(0).path("stock").asString()).isEqualTo("SOLD");
        assertThat(api.get("/api/orders/" + order.path("id").asString()).json().path("lines")).hasSize(1);
        assertThat(api.get("/api/sync-log?sku=" + sku).json().toString()).contains("reserves 3").contains("store order SO-");
        // the channel decremented its own quantity: its listing's online value followed, and nothing was resent to it
        assertThat(api.get("/api/listings/" + ebayListing).json().path("online").path("QUANTITY").asString()).isEqualTo("7");
        assertThat(quantityOn(sandbox, "ebay", sku)).isEqualTo(7);

        sandbox.post("/sandbox/ebay/_control/orders/" + orderId + "/cancel", "{}");
        assertThat(api.post("/api/orders/poll?accountId=" + ebay, null).status()).isEqualTo(200);
        assertThat(api.post("/api/orders/poll?accountId=" + ebay, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get("/api/products/" + sku).json().path("onHand").asInt()).isEqualTo(10);
            assertThat(quantityOn(sandbox, "kaufland", sku)).isEqualTo(10);
        });
        JsonNode cancelled = ordersOf(api, ebay, sku).get(0);
        assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("storeOrderState").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("lines").get(0).path("stock").asString()).isEqualTo("RESTOCKED");
        assertThat(api.get("/api/listings/" + ebayListing).json().path("online").path("QUANTITY").asString()).isEqualTo("10");
        assertThat(quantityOn(sandbox, "ebay", sku)).isEqualTo(10);
        assertThat(sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("updates").asInt()).isEqualTo(ebayUpdatesBefore);
        // the cancellation restocked once, however often it was read
        assertThat(api.post("/api/orders/poll?accountId=" + ebay, null).status()).isEqualTo(200);
        assertThat(api.get("/api/products/" + sku).json().path("onHand").asInt()).isEqualTo(10);
    }

    @Test
    void theSameOrderByWebhookPollAndReplayConcurrentlyChangesStockOnce() throws Exception {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "DUP-" + UUID.randomUUID().toString().substring(0, 8);
        String walmart = account(api, sandbox, "WALMART", "walmart", "US");
        String secret = sandbox.get("/sandbox/walmart/_control/credentials").json().path("clientSecret").asString();
        api.put("/api/products/" + sku, "{\"title\":\"Dup\",\"price\":\"5.00\",\"quantity\":20}");
        sandbox.post("/sandbox/walmart/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":20}]");
        String orderId = sandbox.post("/sandbox/walmart/_control/orders",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2},{\"sku\":\"" + sku + "\",\"quantity\":1}]}").json().path("orderId").asString();
        String notification = """
                {"source":{"eventType":"PO_CREATED","eventId":"%s","eventTime":"2026-01-01T00:00:00Z"},
                 "payload":{"purchaseOrderId":"%s"}}""".formatted(UUID.randomUUID(), orderId);
        String signature = HexFormat.of().formatHex(hmac(secret, notification));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> webhook("walmart", walmart, notification, Map.of("X-Walmart-Auth", signature)));
            deliveries.add(() -> api.post("/api/orders/poll?accountId=" + walmart, null).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(deliveries)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200);
        // and a late replay of the same notification
        assertThat(webhook("walmart", walmart, notification, Map.of("X-Walmart-Auth", signature))).isEqualTo(200);

        JsonNode product = api.get("/api/products/" + sku).json();
        assertThat(product.path("onHand").asInt()).isEqualTo(17);
        assertThat(product.path("reserved").asInt()).isZero();
        List<JsonNode> orders = ordersOf(api, walmart, sku);
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("lines")).hasSize(2);
        long changeNotes = 0;
        for (JsonNode entry : api.get("/api/sync-log?sku=" + sku).json()) {
            if (entry.toString().contains("reserves")) {
                changeNotes++;
            }
        }
        assertThat(changeNotes).isEqualTo(2);
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndChangesNothing() throws Exception {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "SIG-" + UUID.randomUUID().toString().substring(0, 8);
        String ebay = account(api, sandbox, "EBAY", "ebay", "EBAY_DE");
        String walmart = account(api, sandbox, "WALMART", "walmart", "US");
        api.put("/api/products/" + sku, "{\"title\":\"Sig\",\"price\":\"5.00\",\"quantity\":5}");
        sandbox.post("/sandbox/walmart/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":5}]");
        String orderId = sandbox.post("/sandbox/walmart/_control/orders",
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}").json().path("orderId").asString();
        String walmartBody = "{\"source\":{\"eventType\":\"PO_CREATED\",\"eventId\":\"1\"},\"payload\":{\"purchaseOrderId\":\"" + orderId + "\"}}";
        assertThat(webhook("walmart", walmart, walmartBody, Map.of("X-Walmart-Auth", HexFormat.of().formatHex(hmac("wrong", walmartBody)))))
                .isEqualTo(401);
        assertThat(webhook("walmart", walmart, walmartBody, Map.of())).isEqualTo(401);
        String ebayBody = "{\"metadata\":{\"topic\":\"ORDER_CONFIRMATION\"},\"notification\":{\"notificationId\":\"n1\","
                + "\"data\":{\"order\":{\"orderId\":\"" + orderId + "\"}}}}";
        String forged = java.util.Base64.getEncoder().encodeToString(
                "{\"alg\":\"ECDSA\",\"kid\":\"sandbox-ebay-key-1\",\"signature\":\"MEUCIQDforged\",\"digest\":\"SHA1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(webhook("ebay", ebay, ebayBody, Map.of("X-EBAY-SIGNATURE", forged))).isEqualTo(412);
        assertThat(webhook("ebay", "999999999", ebayBody, Map.of("X-EBAY-SIGNATURE", forged))).isEqualTo(404);

        assertThat(api.get("/api/orders").json()).isEmpty(); // nothing stored for either account
        JsonNode product = api.get("/api/products/" + sku).json();
        assertThat(product.path("onHand").asInt()).isEqualTo(5);
        assertThat(product.path("reserved").asInt()).isZero();
    }

    @Test
    void aPollThatFailsMidwayLosesNoOrderOnTheNextRun() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "MID-" + UUID.randomUUID().toString().substring(0, 8);
        String ebay = account(api, sandbox, "EBAY", "ebay", "EBAY_DE");
        api.put("/api/products/" + sku, "{\"title\":\"Mid\",\"price\":\"5.00\",\"quantity\":1000}");
        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":1000,\"currency\":\"EUR\"}]");
        int orders = 230; // more than one page of 200
        // notifications would trigger reads of their own and use up the faults meant for the poll below
        sandbox.post("/sandbox/ebay/_control/subscription", "{\"url\":\"http://localhost:1/nowhere\"}");
        for (int i = 0; i < orders; i++) {
            assertThat(sandbox.post("/sandbox/ebay/_control/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}").status())
                    .isEqualTo(201);
        }
        // the first page is answered (slowly), every later call fails: the poll breaks after storing page one
        sandbox.post("/sandbox/ebay/_control/faults", "{\"type\":\"SLOW\",\"count\":1,\"millis\":10}");
        sandbox.post("/sandbox/ebay/_control/faults", "{\"type\":\"HTTP_500\",\"count\":30}");
        ApiClient.Response failed = api.post("/api/orders/poll?accountId=" + ebay, null);
        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.json().path("newLines").asInt()).isPositive();
        int afterFailure = 1000 - api.get("/api/products/" + sku).json().path("available").asInt();
        assertThat(afterFailure).isLessThan(orders);

        ApiClient.Response next;
        int attempts = 0;
        do {
            next = api.post("/api/orders/poll?accountId=" + ebay, null); // until the injected faults are used up
        } while (next.status() != 200 && ++attempts < 40);
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        JsonNode product = api.get("/api/products/" + sku).json();
        assertThat(product.path("onHand").asInt()).isEqualTo(1000 - orders);
        assertThat(product.path("reserved").asInt()).isZero();
        assertThat(ordersOf(api, ebay, sku)).hasSize(orders);
    }

    @Test
    void withoutCreateStoreOrdersTheOrderIsRecordedButTheStoreStockStays() {
        ApiClient api = ApiClient.newWorkspace(port, workspaces);
        ApiClient sandbox = new ApiClient(port, null);
        String sku = "OFF-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode credentials = sandbox.get("/sandbox/ebay/_control/credentials").json();
        String ebay = api.post("/api/accounts", """
                {"channel":"EBAY","name":"eBay off %s","region":"EBAY_DE","currency":"EUR","createStoreOrders":false,
                 "baseUrl":"http://localhost:%d/sandbox/ebay","credentials":%s}""".formatted(UUID.randomUUID(), port, credentials))
                .json().path("id").asString();
        api.put("/api/products/" + sku, "{\"title\":\"Off\",\"price\":\"5.00\",\"quantity\":6}");
        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":6,\"currency\":\"EUR\"}]");
        sandbox.post("/sandbox/ebay/_control/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}");
        assertThat(api.post("/api/orders/poll?accountId=" + ebay, null).status()).isEqualTo(200);

        JsonNode product = api.get("/api/products/" + sku).json();
        assertThat(product.path("onHand").asInt()).isEqualTo(6);
        assertThat(product.path("reserved").asInt()).isZero();
        List<JsonNode> recorded = ordersOf(api, ebay, sku);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("storeOrder").isNull()).isTrue();
        assertThat(recorded.get(0).path("lines").get(0).path("stock").asString()).isEqualTo("UNTRACKED");
    }

    @Test
    void theProductAndTheListingExplainShowWhichOrderLinesHoldStockAndTheLedgerMovesOncePerLine() {
        dev.omnisync.workspace.IssuedToken issued = workspaces.create("ledger-" + UUID.randomUUID());
        ApiClient api = new ApiClient(port, issued.token());
        ApiClient sandbox = new ApiClient(port, null);
        assertThat(api.get("/api/orders?channel=NOPE").status()).isEqualTo(400);
        assertThat(api.get("/api/orders/12x").status()).isEqualTo(400);
        assertThat(api.get("/api/orders/999999999").status()).isEqualTo(404);
        String sku = "LED-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/products/" + sku, "{\"title\":\"Ledger\",\"price\":\"5.00\",\"quantity\":4}");
        assertThat(api.get("/api/products/" + sku).json().path("ledger").asString()).isEqualTo("on hand 4 − reserved 0 = available 4");

        // an external store that has not taken the order yet: the reservation stays and is shown
        var move = new dev.omnisync.catalog.StockMove(sku, 3, "ebay:1:ORDER-1:1");
        assertThat(ledger.reserve(issued.workspace(), List.of(move, move))).hasSize(1);
        assertThat(ledger.reserve(issued.workspace(), List.of(move))).isEmpty();
        JsonNode product = api.get("/api/products/" + sku).json();
        assertThat(product.path("reserved").asInt()).isEqualTo(3);
        assertThat(product.path("available").asInt()).isEqualTo(1);
        assertThat(product.path("reservedBy").get(0).path("orderRef").asString()).isEqualTo("ebay:1:ORDER-1:1");
        assertThat(product.path("ledger").asString()).isEqualTo("on hand 4 − reserved 3 = available 1");
        String ebay = account(api, sandbox, "EBAY", "ebay", "EBAY_DE");
        sandbox.post("/sandbox/ebay/_control/offers", "[{\"sku\":\"" + sku + "\",\"price\":\"5.00\",\"quantity\":1,\"currency\":\"EUR\"}]");
        String listing = link(api, sku, ebay, sandbox.get("/sandbox/ebay/_control/offers/" + sku).json().path("ids").path("offerId").asString());
        JsonNode stock = api.get("/api/listings/" + listing + "/explain").json().path("stock");
        assertThat(stock.path("reservedBy").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(stock.path("ledger").asString()).isEqualTo("on hand 4 − reserved 3 = available 1");

        assertThat(ledger.commitSale(issued.workspace(), List.of("ebay:1:ORDER-1:1", "ebay:1:ORDER-1:1"))).hasSize(1);
        assertThat(ledger.commitSale(issued.workspace(), List.of("ebay:1:ORDER-1:1"))).isEmpty();
        assertThat(ledger.restock(issued.workspace(), List.of("ebay:1:ORDER-1:1"))).hasSize(1);
        assertThat(ledger.restock(issued.workspace(), List.of("ebay:1:ORDER-1:1"))).isEmpty();
        product = api.get("/api/products/" + sku).json();
        assertThat(product.path("onHand").asInt()).isEqualTo(4);
        assertThat(product.path("reserved").asInt()).isZero();
        assertThat(product.path("reservedBy")).isEmpty();
    }

    private String account(ApiClient api, ApiClient sandbox, String channel, String slug, String region) {
        JsonNode credentials = sandbox.get("/sandbox/" + slug + "/_control/credentials").json();
        var created = api.post("/api/accounts", """
                {"channel":"%s","name":"%s %s","region":"%s","currency":"EUR","baseUrl":"http://localhost:%d/sandbox/%s",
                 "credentials":%s}""".formatted(channel, channel, UUID.randomUUID(), region, port, slug, credentials));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String link(ApiClient api, String sku, String accountId, String channelRef) {
        var linked = api.post("/api/listings", """
                {"sku":"%s","accountId":"%s","channelRef":"%s"}""".formatted(sku, accountId, channelRef));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        return linked.json().get("id").asString();
    }

    private void subscribe(ApiClient sandbox, String slug, String accountId) {
        assertThat(sandbox.post("/sandbox/" + slug + "/_control/subscription",
                "{\"url\":\"http://localhost:" + port + "/webhooks/" + slug + "/" + accountId + "\"}").status()).isEqualTo(200);
    }

    /** The account's orders with a line of this SKU (the sandboxes are shared: other tests' orders are imported too). */
    private static List<JsonNode> ordersOf(ApiClient api, String accountId, String sku) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode o : api.get("/api/orders?accountId=" + accountId + "&limit=1000").json()) {
            for (JsonNode l : o.path("lines")) {
                if (sku.equals(l.path("sku").asString())) {
                    found.add(o);
                    break;
                }
            }
        }
        return found;
    }

    private static int quantityOn(ApiClient sandbox, String slug, String sku) {
        return sandbox.get("/sandbox/" + slug + "/_control/offers/" + sku).json().path("quantity").asInt();
    }

    private int webhook(String slug, String accountId, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/" + slug + "/" + accountId))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    }
}
