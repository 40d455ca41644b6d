package dev.omnisync.sandbox;

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
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EbaySandboxTest {

    private String token;
    private String offerId;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("ebay");
        JsonNode seeded = control("ebay", "POST", "/offers",
                "[{\"sku\":\"MUG-1\",\"ean\":\"4006381333931\",\"price\":\"10.00\",\"quantity\":5,\"title\":\"Mug\"}]").json();
        offerId = seeded.get(0).get("ids").get("offerId").asString();
        token = token();
    }

    static String token() {
        JsonNode creds = control("ebay", "GET", "/credentials", null).json();
        String basic = Base64.getEncoder().encodeToString((creds.get("clientId").asString() + ":"
                + creds.get("clientSecret").asString()).getBytes(StandardCharsets.UTF_8));
        var reply = send("POST", base("ebay") + "/identity/v1/oauth2/token",
                "grant_type=refresh_token&refresh_token=" + creds.get("refreshToken").asString()
                        + "&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.inventory%20https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fsell.fulfillment",
                "Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("access_token").asString();
    }

    private SandboxFixture.Reply bulk(String body) {
        return send("POST", base("ebay") + "/sell/inventory/v1/bulk_update_price_quantity", body,
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private String entry(String offer, int qty, String price) {
        return "{\"sku\":\"MUG-1\",\"offers\":[{\"offerId\":\"" + offer + "\",\"availableQuantity\":" + qty
                + ",\"price\":{\"value\":\"" + price + "\",\"currency\":\"USD\"}}]}";
    }

    @Test
    void appliesABulkUpdateAndCountsIt() {
        var reply = bulk("{\"requests\":[" + entry(offerId, 7, "12.99") + "]}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(200, reply.json().get("responses").get(0).get("statusCode").asInt());
        JsonNode offer = offer("ebay", "MUG-1");
        assertEquals(7, offer.get("quantity").asInt());
        assertEquals("12.99", offer.get("price").asString());
        assertEquals(1, offer.get("updates").asInt());
        JsonNode stats = stats("ebay");
        assertEquals(1, stats.get("updateRequests").asInt());
        assertEquals(1, stats.get("itemsUpdated").asInt());
        assertTrue(stats.get("requests").asInt() >= 2); // token + bulk
    }

    @Test
    void refusesMoreThan25Requests() {
        StringJoiner entries = new StringJoiner(",");
        for (int i = 0; i < 26; i++) {
            entries.add(entry(offerId, i, "1.00"));
        }
        var reply = bulk("{\"requests\":[" + entries + "]}");
        assertEquals(400, reply.status());
        assertEquals(25709, reply.json().get("errors").get(0).get("errorId").asInt());
        assertEquals(5, offer("ebay", "MUG-1").get("quantity").asInt());
        assertEquals(1, stats("ebay").get("rejectedRequests").asInt());
    }

    @Test
    void refusesUnknownFieldsAndWrongTypes() {
        var unknown = bulk("{\"requests\":[{\"sku\":\"MUG-1\",\"colour\":\"red\",\"offers\":[{\"offerId\":\"" + offerId + "\",\"availableQuantity\":1}]}]}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("colour"), unknown.body());
        var wrongType = bulk("{\"requests\":[{\"offers\":[{\"offerId\":\"" + offerId + "\",\"price\":{\"value\":12.99,\"currency\":\"USD\"}}]}]}");
        assertEquals(400, wrongType.status());
        assertTrue(wrongType.body().contains("price.value"), wrongType.body());
    }

    @Test
    void refusesMissingAndExpiredTokens() {
        var none = send("POST", base("ebay") + "/sell/inventory/v1/bulk_update_price_quantity",
                "{\"requests\":[" + entry(offerId, 1, "1.00") + "]}", "Content-Type", "application/json");
        assertEquals(401, none.status());
        assertEquals(1001, none.json().get("errors").get(0).get("errorId").asInt());
        control("ebay", "POST", "/tokens/expire", null);
        assertEquals(401, bulk("{\"requests\":[" + entry(offerId, 1, "1.00") + "]}").status());
    }

    @Test
    void injected429ThenSuccess() {
        control("ebay", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        var limited = bulk("{\"requests\":[" + entry(offerId, 3, "1.00") + "]}");
        assertEquals(429, limited.status());
        assertEquals(2001, limited.json().get("errors").get(0).get("errorId").asInt());
        assertEquals(200, bulk("{\"requests\":[" + entry(offerId, 3, "1.00") + "]}").status());
        assertEquals(1, stats("ebay").get("rateLimited").asInt());
        assertEquals(3, offer("ebay", "MUG-1").get("quantity").asInt());
    }

    @Test
    void rejectSkuGivesPerItemErrorIn207() {
        control("ebay", "POST", "/offers", "[{\"sku\":\"MUG-2\",\"price\":\"5.00\",\"quantity\":1}]");
        String other = offer("ebay", "MUG-2").get("ids").get("offerId").asString();
        control("ebay", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"MUG-2\"}");
        var reply = bulk("{\"requests\":[" + entry(offerId, 4, "2.00") + ",{\"offers\":[{\"offerId\":\"" + other + "\",\"availableQuantity\":9}]}]}");
        assertEquals(207, reply.status(), reply.body());
        assertEquals(400, reply.json().get("responses").get(1).get("statusCode").asInt());
        assertEquals(4, offer("ebay", "MUG-1").get("quantity").asInt());
        assertEquals(1, offer("ebay", "MUG-2").get("quantity").asInt());
    }

    @Test
    void contentReplacesTheInventoryItemAndListingShowsIt() {
        var missingLanguage = send("PUT", base("ebay") + "/sell/inventory/v1/inventory_item/MUG-1",
                "{\"product\":{\"title\":\"Red mug\"}}", "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertEquals(400, missingLanguage.status());
        var put = send("PUT", base("ebay") + "/sell/inventory/v1/inventory_item/MUG-1",
                "{\"availability\":{\"shipToLocationAvailability\":{\"quantity\":8}},\"product\":{\"title\":\"Red mug\",\"imageUrls\":[\"https://img.example.com/1.jpg\"]}}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json", "Content-Language", "en-US");
        assertEquals(204, put.status(), put.body());
        assertEquals("Red mug", offer("ebay", "MUG-1").get("title").asString());
        var list = send("GET", base("ebay") + "/sell/inventory/v1/inventory_item?limit=200&offset=0", null, "Authorization", "Bearer " + token);
        assertEquals(200, list.status());
        assertEquals("Red mug", list.json().get("inventoryItems").get(0).get("product").get("title").asString());
        var offers = send("GET", base("ebay") + "/sell/inventory/v1/offer?sku=MUG-1", null, "Authorization", "Bearer " + token);
        assertEquals(offerId, offers.json().get("offers").get(0).get("offerId").asString());
    }

    @Test
    void ordersArePolledByLastModifiedDate() {
        control("ebay", "POST", "/orders", "{\"orderId\":\"12-34567-89012\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}]}");
        var reply = send("GET", base("ebay") + "/sell/fulfillment/v1/order?filter=lastmodifieddate:%5B2024-05-01T00:00:00.000Z..%5D&limit=200",
                null, "Authorization", "Bearer " + token);
        assertEquals(200, reply.status(), reply.body());
        JsonNode order = reply.json().get("orders").get(0);
        assertEquals("12-34567-89012", order.get("orderId").asString());
        assertEquals(2, order.get("lineItems").get(0).get("quantity").asInt());
        control("ebay", "POST", "/orders/12-34567-89012/cancel", null);
        var after = send("GET", base("ebay") + "/sell/fulfillment/v1/order/12-34567-89012", null, "Authorization", "Bearer " + token);
        assertEquals("CANCELED", after.json().get("cancelStatus").get("cancelState").asString());
        var badLimit = send("GET", base("ebay") + "/sell/fulfillment/v1/order?limit=201", null, "Authorization", "Bearer " + token);
        assertEquals(400, badLimit.status());
        assertNotNull(badLimit.json().get("errors"));
    }

    @Test
    void aListingTakes250RevisionsADay() {
        StringJoiner entries = new StringJoiner(",");
        for (int i = 0; i < 25; i++) {
            entries.add("{\"offers\":[{\"offerId\":\"" + offerId + "\",\"availableQuantity\":" + i + "}]}");
        }
        for (int call = 0; call < 10; call++) {
            assertEquals(200, bulk("{\"requests\":[" + entries + "]}").status());
        }
        var over = bulk("{\"requests\":[" + entry(offerId, 99, "1.00") + "]}");
        assertEquals(207, over.status());
        assertEquals(25002, over.json().get("responses").get(0).get("errors").get(0).get("errorId").asInt());
        assertEquals(24, offer("ebay", "MUG-1").get("quantity").asInt());
    }

    @Test
    void bulkGetInventoryItems() {
        var reply = send("POST", base("ebay") + "/sell/inventory/v1/bulk_get_inventory_item", "{\"requests\":[{\"sku\":\"MUG-1\"},{\"sku\":\"NOPE\"}]}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertEquals(207, reply.status(), reply.body());
        assertEquals("4006381333931", reply.json().get("responses").get(0).get("inventoryItem").get("product").get("ean").get(0).asString());
        assertEquals(404, reply.json().get("responses").get(1).get("statusCode").asInt());
    }
}
