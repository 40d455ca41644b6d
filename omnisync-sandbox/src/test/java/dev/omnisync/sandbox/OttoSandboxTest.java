package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.await;
import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static dev.omnisync.sandbox.SandboxFixture.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OttoSandboxTest {

    private String token;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("otto");
        control("otto", "POST", "/offers", "[{\"sku\":\"TS-NAVY-M\",\"price\":\"19.99\",\"quantity\":5},{\"sku\":\"TS-NAVY-L\",\"price\":\"21.99\",\"quantity\":1}]");
        token = token("products quantities orders");
    }

    private String token(String scope) {
        JsonNode creds = control("otto", "GET", "/credentials", null).json();
        var reply = send("POST", base("otto") + "/v1/token", "client_id=" + creds.get("clientId").asString() + "&client_secret="
                + creds.get("clientSecret").asString() + "&grant_type=client_credentials&scope=" + scope.replace(" ", "%20"),
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("access_token").asString();
    }

    private SandboxFixture.Reply call(String method, String path, String body, String bearer) {
        return send(method, base("otto") + path, body, "Authorization", "Bearer " + bearer, "Content-Type", "application/json", "Accept", "application/json");
    }

    @Test
    void quantitiesAreSynchronous() {
        var reply = call("POST", "/v1/availability/quantities", "[{\"sku\":\"TS-NAVY-M\",\"quantity\":25}]", token);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(25, offer("otto", "TS-NAVY-M").get("quantity").asInt());
        assertEquals(1, stats("otto").get("updateRequests").asInt());
    }

    @Test
    void refusesOverLimitBadItemsScopeAndToken() {
        StringJoiner many = new StringJoiner(",");
        for (int i = 0; i < 201; i++) {
            many.add("{\"sku\":\"TS-NAVY-M\",\"quantity\":1}");
        }
        assertEquals(413, call("POST", "/v1/availability/quantities", "[" + many + "]", token).status());
        var bad = call("POST", "/v1/availability/quantities", "[{\"sku\":\"TS-NAVY-M\",\"quantity\":2},{\"sku\":\"TS-NAVY-L\",\"qty\":1}]", token);
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("qty"));
        assertEquals(5, offer("otto", "TS-NAVY-M").get("quantity").asInt());
        var noScope = call("POST", "/v1/availability/quantities", "[{\"sku\":\"TS-NAVY-M\",\"quantity\":2}]", token("orders"));
        assertEquals(403, noScope.status());
        assertEquals(401, call("POST", "/v1/availability/quantities", "[{\"sku\":\"TS-NAVY-M\",\"quantity\":2}]", "nope").status());
    }

    @Test
    void priceTaskIsDoneWithPerItemResults() {
        control("otto", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"TS-NAVY-L\"}");
        var reply = call("POST", "/v5/products/prices", "[{\"sku\":\"TS-NAVY-M\",\"standardPrice\":{\"amount\":17.99,\"currency\":\"EUR\"}},"
                + "{\"sku\":\"TS-NAVY-L\",\"standardPrice\":{\"amount\":18.99,\"currency\":\"EUR\"}}]", token);
        assertEquals(202, reply.status(), reply.body());
        String self = reply.json().get("links").get(0).get("href").asString();
        await(() -> "done".equals(call("GET", self, null, token).json().get("state").asString()), 3000);
        JsonNode status = call("GET", self, null, token).json();
        assertEquals(1, status.get("succeeded").asInt());
        assertEquals(1, status.get("failed").asInt());
        assertEquals("TS-NAVY-L", call("GET", self + "/failed", null, token).json().get("results").get(0).get("variation").asString());
        assertEquals("17.99", offer("otto", "TS-NAVY-M").get("price").asString());
    }

    @Test
    void injected429ThenSuccessAndOrdersPerUnit() {
        control("otto", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        assertEquals(429, call("POST", "/v1/availability/quantities", "[{\"sku\":\"TS-NAVY-M\",\"quantity\":3}]", token).status());
        assertEquals(200, call("POST", "/v1/availability/quantities", "[{\"sku\":\"TS-NAVY-M\",\"quantity\":3}]", token).status());
        control("otto", "POST", "/orders", "{\"lines\":[{\"sku\":\"TS-NAVY-M\",\"quantity\":2}]}");
        var orders = call("GET", "/v4/orders?fromDate=2023-11-14T00:00:00Z&limit=128", null, token);
        assertEquals(200, orders.status(), orders.body());
        assertEquals(2, orders.json().get("resources").get(0).get("positionItems").size());
    }
}
