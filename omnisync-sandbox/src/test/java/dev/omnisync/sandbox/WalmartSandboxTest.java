package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.await;
import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static dev.omnisync.sandbox.SandboxFixture.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WalmartSandboxTest {

    private String token;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("walmart");
        control("walmart", "POST", "/offers", "[{\"sku\":\"MUG-1\",\"ean\":\"012345678905\",\"price\":\"10.00\",\"quantity\":5},"
                + "{\"sku\":\"MUG-2\",\"price\":\"8.00\",\"quantity\":2}]");
        JsonNode creds = control("walmart", "GET", "/credentials", null).json();
        String basic = Base64.getEncoder().encodeToString((creds.get("clientId").asString() + ":" + creds.get("clientSecret").asString())
                .getBytes(StandardCharsets.UTF_8));
        var reply = send("POST", base("walmart") + "/v3/token", "grant_type=client_credentials", "Authorization", "Basic " + basic,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json", "WM_SVC.NAME", "Walmart Marketplace",
                "WM_QOS.CORRELATION_ID", UUID.randomUUID().toString());
        assertEquals(200, reply.status(), reply.body());
        assertEquals(900, reply.json().get("expires_in").asInt());
        token = reply.json().get("access_token").asString();
    }

    private SandboxFixture.Reply call(String method, String path, String body, String contentType) {
        return send(method, base("walmart") + path, body, "WM_SEC.ACCESS_TOKEN", token, "WM_SVC.NAME", "Walmart Marketplace",
                "WM_QOS.CORRELATION_ID", UUID.randomUUID().toString(), "Accept", "application/json", "Content-Type", contentType);
    }

    private SandboxFixture.Reply feed(String type, String json) {
        String boundary = "XBOUNDARYX";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"feed.json\"\r\nContent-Type: application/json\r\n\r\n"
                + json + "\r\n--" + boundary + "--\r\n";
        return call("POST", "/v3/feeds?feedType=" + type, body, "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void singleInventoryPutChangesTheOffer() {
        var reply = call("PUT", "/v3/inventory?sku=MUG-1", "{\"sku\":\"MUG-1\",\"quantity\":{\"unit\":\"EACH\",\"amount\":17}}", "application/json");
        assertEquals(200, reply.status(), reply.body());
        assertNotNull(reply.header("x-current-token-count"));
        assertEquals(17, offer("walmart", "MUG-1").get("quantity").asInt());
        var price = call("PUT", "/v3/price", "{\"sku\":\"MUG-1\",\"pricing\":[{\"currentPriceType\":\"BASE\",\"currentPrice\":{\"currency\":\"USD\",\"amount\":12.99}}]}", "application/json");
        assertEquals(200, price.status(), price.body());
        assertEquals("12.99", offer("walmart", "MUG-1").get("price").asString());
        assertEquals(2, stats("walmart").get("updateRequests").asInt());
        assertEquals(2, stats("walmart").get("itemsUpdated").asInt());
    }

    @Test
    void refusesMissingHeadersTokensAndUnknownFields() {
        var noCorrelation = send("PUT", base("walmart") + "/v3/inventory?sku=MUG-1", "{\"sku\":\"MUG-1\",\"quantity\":{\"unit\":\"EACH\",\"amount\":1}}",
                "WM_SEC.ACCESS_TOKEN", token, "WM_SVC.NAME", "x", "Accept", "application/json", "Content-Type", "application/json");
        assertEquals(400, noCorrelation.status());
        assertTrue(noCorrelation.json().get("errors").get(0).get("code").asString().startsWith("MISSING_REQUEST_HEADER"));
        var bearer = send("PUT", base("walmart") + "/v3/inventory?sku=MUG-1", "{}", "Authorization", "Bearer " + token,
                "WM_SVC.NAME", "x", "WM_QOS.CORRELATION_ID", "1", "Accept", "application/json", "Content-Type", "application/json");
        assertEquals(401, bearer.status());
        assertEquals("UNAUTHORIZED.GMP_GATEWAY_API", bearer.json().get("errors").get(0).get("code").asString());
        var unknown = call("PUT", "/v3/inventory?sku=MUG-1", "{\"sku\":\"MUG-1\",\"qty\":3,\"quantity\":{\"unit\":\"EACH\",\"amount\":1}}", "application/json");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("qty"));
        control("walmart", "POST", "/tokens/expire", null);
        assertEquals(401, call("GET", "/v3/inventory?sku=MUG-1", null, "application/json").status());
        assertEquals(5, offer("walmart", "MUG-1").get("quantity").asInt());
    }

    @Test
    void injected429CarriesReplenishmentHeadersThenSuccess() {
        control("walmart", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        var limited = call("PUT", "/v3/inventory?sku=MUG-1", "{\"sku\":\"MUG-1\",\"quantity\":{\"unit\":\"EACH\",\"amount\":3}}", "application/json");
        assertEquals(429, limited.status());
        assertEquals("0", limited.header("x-current-token-count"));
        assertNotNull(limited.header("x-next-replenishment-time"));
        assertEquals(200, call("PUT", "/v3/inventory?sku=MUG-1", "{\"sku\":\"MUG-1\",\"quantity\":{\"unit\":\"EACH\",\"amount\":3}}", "application/json").status());
    }

    @Test
    void inventoryFeedIsProcessedWithPerItemStatus() {
        control("walmart", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"MUG-2\"}");
        var submitted = feed("inventory", "{\"InventoryHeader\":{\"version\":\"1.4\"},\"Inventory\":["
                + "{\"sku\":\"MUG-1\",\"quantity\":{\"unit\":\"EACH\",\"amount\":11}},{\"sku\":\"MUG-2\",\"quantity\":{\"unit\":\"EACH\",\"amount\":0}},"
                + "{\"sku\":\"NOPE\",\"quantity\":{\"unit\":\"EACH\",\"amount\":1}}]}");
        assertEquals(200, submitted.status(), submitted.body());
        String feedId = java.net.URLEncoder.encode(submitted.json().get("feedId").asString(), StandardCharsets.UTF_8);
        await(() -> "PROCESSED".equals(call("GET", "/v3/feeds/" + feedId, null, "application/json").json().get("feedStatus").asString()), 3000);
        JsonNode status = call("GET", "/v3/feeds/" + feedId + "?includeDetails=true", null, "application/json").json();
        assertEquals(1, status.get("itemsSucceeded").asInt());
        assertEquals(2, status.get("itemsFailed").asInt());
        JsonNode items = status.get("itemDetails").get("itemIngestionStatus");
        assertEquals("SUCCESS", items.get(0).get("ingestionStatus").asString());
        assertEquals("DATA_ERROR", items.get(1).get("ingestionStatus").asString());
        assertEquals(11, offer("walmart", "MUG-1").get("quantity").asInt());
        assertEquals(2, offer("walmart", "MUG-2").get("quantity").asInt());
        assertEquals(1, stats("walmart").get("updateRequests").asInt());
    }

    @Test
    void schemaInvalidFeedEndsInError() {
        var submitted = feed("price", "{\"PriceHeader\":{\"version\":\"1.5\"},\"Price\":[]}");
        assertEquals(200, submitted.status());
        String feedId = java.net.URLEncoder.encode(submitted.json().get("feedId").asString(), StandardCharsets.UTF_8);
        await(() -> "ERROR".equals(call("GET", "/v3/feeds/" + feedId, null, "application/json").json().get("feedStatus").asString()), 3000);
        assertEquals(415, call("POST", "/v3/feeds?feedType=inventory", "{}", "application/json").status());
    }

    @Test
    void ordersAreListedWithStringQuantities() {
        control("walmart", "POST", "/orders", "{\"orderId\":\"1796277083022\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}]}");
        var reply = call("GET", "/v3/orders?lastModifiedStartDate=2024-05-01T00:00:00Z&limit=200", null, "application/json");
        assertEquals(200, reply.status(), reply.body());
        JsonNode line = reply.json().get("list").get("elements").get("order").get(0).get("orderLines").get("orderLine").get(0);
        assertEquals("MUG-1", line.get("item").get("sku").asString());
        assertEquals("2", line.get("orderLineQuantity").get("amount").asString());
        assertEquals(400, call("GET", "/v3/orders?limit=201", null, "application/json").status());
    }
}
