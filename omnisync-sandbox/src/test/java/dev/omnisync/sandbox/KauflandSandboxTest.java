package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static dev.omnisync.sandbox.SandboxFixture.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.omnisync.sandbox.kaufland.KauflandSandbox;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KauflandSandboxTest {

    private String clientKey;
    private String secret;
    private String unitId;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("kaufland");
        JsonNode seeded = control("kaufland", "POST", "/offers",
                "[{\"sku\":\"MUG-1\",\"ean\":\"4006381333931\",\"price\":\"12.99\",\"quantity\":5},{\"sku\":\"MUG-2\",\"price\":\"8.00\",\"quantity\":2}]").json();
        unitId = seeded.get(0).get("ids").get("id_unit").asString();
        JsonNode creds = control("kaufland", "GET", "/credentials", null).json();
        clientKey = creds.get("clientKey").asString();
        secret = creds.get("secretKey").asString();
    }

    @Test
    void signatureMatchesTheDocumentedExample() {
        assertEquals("496dd640ae5df3af73d62ee8941cfe410e313d1dc8eceba6b9da402239e142e1",
                KauflandSandbox.sign("PATCH", "https://sellerapi.kaufland.com/v2/units/123456789?storefront=de",
                        "{\"amount\":5,\"listing_price\":1999}".getBytes(StandardCharsets.UTF_8), 1700000000L,
                        "b3575f222f7b768c25160b879699118b331c6883dd6010864b7ead130be77cd5"));
        assertEquals("f95f5d9414133fdbd818e34b47020531362ba75446f72adf0d9798a546c985bb",
                KauflandSandbox.sign("GET", "https://sellerapi.kaufland.com/v2/order-units?storefront=de&ts_updated_from_iso=2024-05-01T00%3A00%3A00Z&limit=100&offset=0",
                        new byte[0], 1700000000L, "b3575f222f7b768c25160b879699118b331c6883dd6010864b7ead130be77cd5"));
    }

    private SandboxFixture.Reply signed(String method, String pathAndQuery, String body) {
        return signed(method, pathAndQuery, body, Instant.now().getEpochSecond(), secret);
    }

    private SandboxFixture.Reply signed(String method, String pathAndQuery, String body, long ts, String key) {
        String url = base("kaufland") + pathAndQuery;
        String sig = KauflandSandbox.sign(method, url, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), ts, key);
        return send(method, url, body, "Shop-Client-Key", clientKey, "Shop-Timestamp", String.valueOf(ts), "Shop-Signature", sig,
                "User-Agent", "Inhouse_development", "Accept", "application/json", "Content-Type", "application/json");
    }

    @Test
    void patchUnitInCents() {
        var reply = signed("PATCH", "/v2/units/" + unitId + "?storefront=de", "{\"amount\":17,\"listing_price\":1499}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(1499, reply.json().get("data").get("listing_price").asInt());
        JsonNode offer = offer("kaufland", "MUG-1");
        assertEquals(17, offer.get("quantity").asInt());
        assertEquals("14.99", offer.get("price").asString());
        assertEquals(1, stats("kaufland").get("updateRequests").asInt());
    }

    @Test
    void refusesBadSignatureSkewAndMissingHeaders() {
        var bad = signed("PATCH", "/v2/units/" + unitId + "?storefront=de", "{\"amount\":1}", Instant.now().getEpochSecond(), "wrong-secret");
        assertEquals(401, bad.status());
        assertEquals("/problems/corrupted-signature", bad.json().get("type").asString());
        var skewed = signed("PATCH", "/v2/units/" + unitId + "?storefront=de", "{\"amount\":1}", Instant.now().getEpochSecond() - 600, secret);
        assertEquals(401, skewed.status());
        var noAgent = send("GET", base("kaufland") + "/v2/units?storefront=de", null, "Shop-Client-Key", clientKey, "Accept", "application/json");
        assertEquals(401, noAgent.status());
        assertEquals("/problems/missing-or-invalid-request-header", noAgent.json().get("type").asString());
        assertEquals(5, offer("kaufland", "MUG-1").get("quantity").asInt());
    }

    @Test
    void refusesUnknownFieldsAndPricesInEuros() {
        var unknown = signed("PATCH", "/v2/units/" + unitId + "?storefront=de", "{\"amount\":1,\"quantity\":1}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("quantity"));
        var euros = signed("PATCH", "/v2/units/" + unitId + "?storefront=de", "{\"listing_price\":12.99}");
        assertEquals(400, euros.status());
    }

    @Test
    void bulkRefusesOver150AndDuplicatesWhole() {
        StringJoiner many = new StringJoiner(",");
        for (int i = 0; i < 151; i++) {
            many.add("{\"id_unit\":" + (100000 + i) + ",\"unit_data\":{\"amount\":1}}");
        }
        var tooMany = signed("POST", "/v2/units/bulk?storefront=de", "[" + many + "]");
        assertEquals(400, tooMany.status());
        assertEquals("/problems/units/bulk-too-many-units", tooMany.json().get("type").asString());
        var dup = signed("POST", "/v2/units/bulk?storefront=de",
                "[{\"id_unit\":" + unitId + ",\"unit_data\":{\"amount\":1}},{\"id_unit\":" + unitId + ",\"unit_data\":{\"amount\":2}}]");
        assertEquals(400, dup.status());
        assertEquals("/problems/units/bulk-duplicate-units", dup.json().get("type").asString());
        assertEquals(5, offer("kaufland", "MUG-1").get("quantity").asInt());
    }

    @Test
    void bulkAnswers207WithPerUnitStatus() {
        String other = offer("kaufland", "MUG-2").get("ids").get("id_unit").asString();
        control("kaufland", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"MUG-2\"}");
        var reply = signed("POST", "/v2/units/bulk?storefront=de", "[{\"id_unit\":" + unitId + ",\"unit_data\":{\"amount\":9}},"
                + "{\"id_unit\":" + other + ",\"unit_data\":{\"amount\":0}},{\"id_unit\":" + unitId + "1,\"unit_data\":{\"listing_price\":0}}]");
        assertEquals(207, reply.status(), reply.body());
        JsonNode data = reply.json().get("data");
        assertEquals(200, data.get(0).get("status_code").asInt());
        assertEquals(400, data.get(1).get("status_code").asInt(), "an injected rejection is a per-unit 400 (the seller's data)");
        assertEquals(400, data.get(2).get("status_code").asInt());
        assertEquals(9, offer("kaufland", "MUG-1").get("quantity").asInt());
        assertEquals(2, offer("kaufland", "MUG-2").get("quantity").asInt());
        assertEquals(1, stats("kaufland").get("itemsUpdated").asInt());
    }

    @Test
    void injected429ThenSuccess() {
        control("kaufland", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        assertEquals(429, signed("PATCH", "/v2/units/" + unitId + "?storefront=de", "{\"amount\":3}").status());
        assertEquals(200, signed("PATCH", "/v2/units/" + unitId + "?storefront=de", "{\"amount\":3}").status());
        assertEquals(1, stats("kaufland").get("rateLimited").asInt());
    }

    @Test
    void orderUnitsArePolledAndNotifiedSigned() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", ex -> {
            received.add(new String[] {new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("Shop-Timestamp"), ex.getRequestHeaders().getFirst("Shop-Signature")});
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        try {
            String callback = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
            var sub = signed("POST", "/v2/subscriptions?storefront=de",
                    "{\"callback_url\":\"" + callback + "\",\"fallback_email\":\"ops@example.com\",\"event_name\":\"order_unit_new\"}");
            assertEquals(201, sub.status(), sub.body());
            control("kaufland", "POST", "/orders", "{\"orderId\":\"MB7UWLD\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}]}");
            SandboxFixture.await(() -> received.size() == 2, 3000);
            String[] first = received.get(0);
            assertEquals(KauflandSandbox.sign("POST", callback, first[0].getBytes(StandardCharsets.UTF_8), Long.parseLong(first[1]), secret), first[2]);
            var units = signed("GET", "/v2/order-units?storefront=de&ts_updated_from_iso=2024-05-01T00%3A00%3A00Z&limit=100&offset=0", null);
            assertEquals(200, units.status(), units.body());
            assertEquals(2, units.json().get("data").size());
            assertEquals("MB7UWLD", units.json().get("data").get(0).get("id_order").asString());
            assertEquals(3, offer("kaufland", "MUG-1").get("quantity").asInt());
        } finally {
            hook.stop(0);
        }
    }
}
