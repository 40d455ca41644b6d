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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AmazonSandboxTest {

    private static final String UA = "OmnisyncTest/1.0 (Language=Java/17; Platform=Linux)";
    private String token;
    private String seller;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("amazon");
        control("amazon", "POST", "/offers", "[{\"sku\":\"MUG-1\",\"ean\":\"4006381333931\",\"price\":\"10.00\",\"quantity\":5},"
                + "{\"sku\":\"MUG-2\",\"price\":\"8.00\",\"quantity\":2}]");
        JsonNode creds = control("amazon", "GET", "/credentials", null).json();
        seller = creds.get("sellerId").asString();
        var reply = send("POST", base("amazon") + "/auth/o2/token",
                "grant_type=refresh_token&refresh_token=" + java.net.URLEncoder.encode(creds.get("refreshToken").asString(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&client_id=" + creds.get("clientId").asString() + "&client_secret=" + creds.get("clientSecret").asString(),
                "Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
        assertEquals(200, reply.status(), reply.body());
        token = reply.json().get("access_token").asString();
    }

    private SandboxFixture.Reply call(String method, String path, String body) {
        return send(method, base("amazon") + path, body, "x-amz-access-token", token, "User-Agent", UA,
                "Content-Type", "application/json");
    }

    private String patchPath(String sku) {
        return "/listings/2021-08-01/items/" + seller + "/" + sku + "?marketplaceIds=ATVPDKIKX0DER";
    }

    private static final String QTY_PATCH = "{\"productType\":\"HOME\",\"patches\":[{\"op\":\"replace\",\"path\":\"/attributes/fulfillment_availability\","
            + "\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":17}]},{\"op\":\"replace\",\"path\":\"/attributes/purchasable_offer\","
            + "\"value\":[{\"marketplace_id\":\"ATVPDKIKX0DER\",\"currency\":\"USD\",\"audience\":\"ALL\",\"our_price\":[{\"schedule\":[{\"value_with_tax\":12.99}]}]}]}]}";

    @Test
    void patchIsAcceptedThenApplied() {
        var reply = call("PATCH", patchPath("MUG-1"), QTY_PATCH);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("ACCEPTED", reply.json().get("status").asString());
        assertEquals("5.0", reply.header("x-amzn-RateLimit-Limit"));
        await(() -> offer("amazon", "MUG-1").get("quantity").asInt() == 17, 3000);
        assertEquals("12.99", offer("amazon", "MUG-1").get("price").asString());
        assertEquals(1, stats("amazon").get("updateRequests").asInt());
        assertEquals(1, stats("amazon").get("itemsUpdated").asInt());
    }

    @Test
    void refusesMissingOrExpiredTokenWith403() {
        var none = send("PATCH", base("amazon") + patchPath("MUG-1"), QTY_PATCH, "User-Agent", UA, "Content-Type", "application/json");
        assertEquals(403, none.status());
        assertEquals("Unauthorized", none.json().get("errors").get(0).get("code").asString());
        control("amazon", "POST", "/tokens/expire", null);
        var expired = call("PATCH", patchPath("MUG-1"), QTY_PATCH);
        assertEquals(403, expired.status());
        assertTrue(expired.body().contains("expired"));
    }

    @Test
    void refusesUnknownFieldsAndBadValues() {
        var unknown = call("PATCH", patchPath("MUG-1"), "{\"productType\":\"HOME\",\"sku\":\"x\",\"patches\":[{\"op\":\"replace\",\"path\":\"/attributes/item_name\",\"value\":[{\"value\":\"a\"}]}]}");
        assertEquals(400, unknown.status());
        assertEquals("InvalidInput", unknown.json().get("errors").get(0).get("code").asString());
        var invalid = call("PATCH", patchPath("MUG-1"), "{\"productType\":\"HOME\",\"patches\":[{\"op\":\"replace\",\"path\":\"/attributes/fulfillment_availability\",\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":-1}]}]}");
        assertEquals(200, invalid.status());
        assertEquals("INVALID", invalid.json().get("status").asString());
        var noMarketplace = send("PATCH", base("amazon") + "/listings/2021-08-01/items/" + seller + "/MUG-1", QTY_PATCH,
                "x-amz-access-token", token, "User-Agent", UA, "Content-Type", "application/json");
        assertEquals(400, noMarketplace.status());
    }

    @Test
    void patchesAreLimitedTo5PerSecondThenSucceedAgain() {
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            if (call("PATCH", patchPath("MUG-1"), QTY_PATCH).status() == 429) {
                limited++;
            }
        }
        assertTrue(limited >= 2, "expected 429s past the burst of 5, got " + limited);
        assertEquals(limited, stats("amazon").get("rateLimited").asInt());
    }

    @Test
    void injected429ThenSuccess() {
        control("amazon", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        var limited = call("PATCH", patchPath("MUG-1"), QTY_PATCH);
        assertEquals(429, limited.status());
        assertEquals("QuotaExceeded", limited.json().get("errors").get(0).get("code").asString());
        assertEquals(200, call("PATCH", patchPath("MUG-1"), QTY_PATCH).status());
    }

    @Test
    void feedFlowReachesDoneWithPerMessageIssues() {
        control("amazon", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"MUG-2\"}");
        var doc = call("POST", "/feeds/2021-06-30/documents", "{\"contentType\":\"application/json; charset=UTF-8\"}");
        assertEquals(201, doc.status(), doc.body());
        String url = doc.json().get("url").asString();
        String feed = "{\"header\":{\"sellerId\":\"" + seller + "\",\"version\":\"2.0\"},\"messages\":["
                + "{\"messageId\":1,\"sku\":\"MUG-1\",\"operationType\":\"PATCH\",\"productType\":\"HOME\",\"patches\":[{\"op\":\"replace\",\"path\":\"/attributes/fulfillment_availability\",\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":3}]}]},"
                + "{\"messageId\":2,\"sku\":\"MUG-2\",\"operationType\":\"PATCH\",\"productType\":\"HOME\",\"patches\":[{\"op\":\"replace\",\"path\":\"/attributes/fulfillment_availability\",\"value\":[{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":9}]}]}]}";
        assertEquals(403, send("PUT", url, feed, "Content-Type", "text/plain").status());
        assertEquals(200, send("PUT", url, feed, "Content-Type", "application/json; charset=UTF-8").status());
        var created = call("POST", "/feeds/2021-06-30/feeds", "{\"feedType\":\"JSON_LISTINGS_FEED\",\"marketplaceIds\":[\"ATVPDKIKX0DER\"],\"inputFeedDocumentId\":\""
                + doc.json().get("feedDocumentId").asString() + "\"}");
        assertEquals(202, created.status(), created.body());
        String feedId = created.json().get("feedId").asString();
        await(() -> "DONE".equals(call("GET", "/feeds/2021-06-30/feeds/" + feedId, null).json().get("processingStatus").asString()), 3000);
        String reportId = call("GET", "/feeds/2021-06-30/feeds/" + feedId, null).json().get("resultFeedDocumentId").asString();
        String reportUrl = call("GET", "/feeds/2021-06-30/documents/" + reportId, null).json().get("url").asString();
        JsonNode report = send("GET", reportUrl, null).json();
        assertEquals(1, report.get("summary").get("messagesAccepted").asInt());
        assertEquals(1, report.get("summary").get("messagesInvalid").asInt());
        assertEquals("MUG-2", report.get("issues").get(0).get("sku").asString());
        assertEquals(3, offer("amazon", "MUG-1").get("quantity").asInt());
        assertEquals(2, offer("amazon", "MUG-2").get("quantity").asInt());
        assertEquals(1, stats("amazon").get("updateRequests").asInt());
    }

    @Test
    void ordersAndItemsArePolled() {
        control("amazon", "POST", "/orders", "{\"orderId\":\"902-3159896-1390916\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}]}");
        String after = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        String before = Instant.now().plus(5, ChronoUnit.MINUTES).toString();
        assertEquals(400, call("GET", "/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=" + after + "&LastUpdatedBefore=" + before, null).status());
        // Orders become visible once they are 2 minutes old (LastUpdatedBefore defaults to now - 2 min), as on Amazon.
        var byCreation = call("GET", "/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=" + after, null);
        assertEquals(200, byCreation.status(), byCreation.body());
        assertNotNull(byCreation.json().get("payload").get("Orders"));
        var items = call("GET", "/orders/v0/orders/902-3159896-1390916/orderItems", null);
        assertEquals(200, items.status(), items.body());
        assertEquals("MUG-1", items.json().get("payload").get("OrderItems").get(0).get("SellerSKU").asString());
        assertEquals(2, items.json().get("payload").get("OrderItems").get(0).get("QuantityOrdered").asInt());
    }

    @Test
    void notificationSetupNeedsAGrantlessToken() {
        JsonNode creds = control("amazon", "GET", "/credentials", null).json();
        String destination = "{\"name\":\"orders\",\"resourceSpecification\":{\"sqs\":{\"arn\":\"arn:aws:sqs:us-east-1:123456789012:sp\"}}}";
        assertEquals(403, call("POST", "/notifications/v1/destinations", destination).status());
        String grantless = send("POST", base("amazon") + "/auth/o2/token", "grant_type=client_credentials&scope=sellingpartnerapi::notifications&client_id="
                + creds.get("clientId").asString() + "&client_secret=" + creds.get("clientSecret").asString(),
                "Content-Type", "application/x-www-form-urlencoded").json().get("access_token").asString();
        var created = send("POST", base("amazon") + "/notifications/v1/destinations", destination, "x-amz-access-token", grantless,
                "User-Agent", UA, "Content-Type", "application/json");
        assertEquals(200, created.status(), created.body());
        String id = created.json().get("payload").get("destinationId").asString();
        var sub = call("POST", "/notifications/v1/subscriptions/ORDER_CHANGE", "{\"payloadVersion\":\"1.0\",\"destinationId\":\"" + id + "\"}");
        assertEquals(200, sub.status(), sub.body());
    }
}
