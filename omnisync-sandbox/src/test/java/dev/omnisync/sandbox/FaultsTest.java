package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared fault kinds and control API rules, exercised on the eBay simulator. */
class FaultsTest {

    private String token;
    private String offerId;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("ebay");
        offerId = control("ebay", "POST", "/offers", "[{\"sku\":\"MUG-1\",\"price\":\"10.00\",\"quantity\":5}]").json()
                .get(0).get("ids").get("offerId").asString();
        token = EbaySandboxTest.token();
    }

    private SandboxFixture.Reply bulk(int qty) {
        return send("POST", base("ebay") + "/sell/inventory/v1/bulk_update_price_quantity",
                "{\"requests\":[{\"offers\":[{\"offerId\":\"" + offerId + "\",\"availableQuantity\":" + qty + "}]}]}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    @Test
    void http500ThenSuccess() {
        control("ebay", "POST", "/faults", "{\"type\":\"HTTP_500\",\"count\":2}");
        assertEquals(500, bulk(1).status());
        var second = bulk(1);
        assertEquals(500, second.status());
        assertEquals(25001, second.json().get("errors").get(0).get("errorId").asInt());
        assertEquals(200, bulk(2).status());
        assertEquals(2, offer("ebay", "MUG-1").get("quantity").asInt());
        assertEquals(2, SandboxFixture.stats("ebay").get("rejectedRequests").asInt());
    }

    @Test
    void timeoutHoldsTheCallAndAppliesNothing() {
        control("ebay", "POST", "/faults", "{\"type\":\"TIMEOUT\",\"count\":1,\"millis\":300}");
        long start = System.nanoTime();
        assertEquals(504, bulk(7).status());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
        assertEquals(5, offer("ebay", "MUG-1").get("quantity").asInt());
    }

    @Test
    void slowDelaysButServes() {
        control("ebay", "POST", "/faults", "{\"type\":\"SLOW\",\"count\":1,\"millis\":300}");
        long start = System.nanoTime();
        assertEquals(200, bulk(8).status());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
        assertEquals(8, offer("ebay", "MUG-1").get("quantity").asInt());
    }

    @Test
    void controlApiRefusesBadInputClearly() {
        var badType = control("ebay", "POST", "/faults", "{\"type\":\"EXPLODE\",\"count\":1}");
        assertEquals(400, badType.status());
        assertTrue(badType.json().get("error").asString().contains("HTTP_429"));
        assertEquals(400, control("ebay", "POST", "/orders", "{\"lines\":[{\"sku\":\"UNKNOWN\",\"quantity\":1}]}").status());
        assertEquals(404, control("ebay", "GET", "/offers/UNKNOWN", null).status());
        assertEquals(404, control("nowhere", "GET", "/stats", null).status());
        var priceChange = control("ebay", "POST", "/price-change", "{\"sku\":\"MUG-1\",\"price\":\"9.49\"}");
        assertEquals(200, priceChange.status());
        assertEquals("9.49", offer("ebay", "MUG-1").get("price").asString());
        assertEquals(0, offer("ebay", "MUG-1").get("updates").asInt());
    }

    @Test
    void unknownRoutesAnswerInTheChannelsFormat() {
        var reply = send("GET", base("ebay") + "/sell/inventory/v1/nothing", null, "Authorization", "Bearer " + token);
        assertEquals(404, reply.status());
        assertTrue(reply.json().get("errors").get(0).has("errorId"), reply.body());
        var kaufland = send("GET", base("kaufland") + "/v2/nothing", null);
        assertEquals(404, kaufland.status());
        assertEquals("/problems/not-found", kaufland.json().get("type").asString());
    }
}
