package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static dev.omnisync.sandbox.SandboxFixture.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MiraklSandboxTest {

    private String key;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("mirakl");
        control("mirakl", "POST", "/offers", "[{\"sku\":\"TS-NAVY-M\",\"price\":\"19.99\",\"quantity\":5},{\"sku\":\"TS-NAVY-L\",\"price\":\"21.99\",\"quantity\":4}]");
        key = control("mirakl", "GET", "/credentials", null).json().get("apiKey").asString();
    }

    private SandboxFixture.Reply importOffers(String mode, String csv, String auth) {
        String b = "XBOUNDARYX";
        String body = "--" + b + "\r\nContent-Disposition: form-data; name=\"import_mode\"\r\n\r\n" + mode + "\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"offers.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + b + "--\r\n";
        return send("POST", base("mirakl") + "/api/offers/imports", body, "Authorization", auth, "Accept", "application/json",
                "Content-Type", "multipart/form-data; boundary=" + b);
    }

    private SandboxFixture.Reply get(String path) {
        return send("GET", base("mirakl") + path, null, "Authorization", key, "Accept", "application/json");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void partialUpdateAppliesOnlyNonEmptyCellsAndReportsLineErrors() {
        control("mirakl", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"NOPE\"}");
        var reply = importOffers("PARTIAL_UPDATE", "\"sku\";\"price\";\"quantity\";\"update-delete\"\n"
                + "\"TS-NAVY-M\";\"17.99\";\"25\";\"update\"\n\"TS-NAVY-L\";\"\";\"0\";\"update\"\n\"NOPE\";\"1.00\";\"1\";\"update\"\n", key);
        assertEquals(201, reply.status(), reply.body());
        long id = reply.json().get("import_id").asLong();
        sleep(400); // processing delay 100ms; OF02 may be called once a minute
        JsonNode status = get("/api/offers/imports/" + id).json();
        assertEquals("COMPLETE", status.get("status").asString(), status.toString());
        assertEquals(2, status.get("lines_in_success").asInt());
        assertEquals(1, status.get("lines_in_error").asInt());
        assertTrue(status.get("has_error_report").asBoolean());
        var report = get("/api/offers/imports/" + id + "/error_report");
        assertEquals(200, report.status());
        assertTrue(report.body().contains("\"error-message\"") && report.body().contains("NOPE"), report.body());
        assertEquals("17.99", offer("mirakl", "TS-NAVY-M").get("price").asString());
        assertEquals(25, offer("mirakl", "TS-NAVY-M").get("quantity").asInt());
        assertEquals("21.99", offer("mirakl", "TS-NAVY-L").get("price").asString());
        assertEquals(0, offer("mirakl", "TS-NAVY-L").get("quantity").asInt());
        assertEquals(1, stats("mirakl").get("updateRequests").asInt());
    }

    @Test
    void refusesBearerKeyAndOncePerMinuteAndUnknownColumns() {
        assertEquals(401, importOffers("PARTIAL_UPDATE", "\"sku\";\"quantity\"\n\"TS-NAVY-M\";\"1\"\n", "Bearer " + key).status());
        var first = importOffers("PARTIAL_UPDATE", "\"sku\";\"stock\"\n\"TS-NAVY-M\";\"1\"\n", key);
        assertEquals(201, first.status());
        var second = importOffers("PARTIAL_UPDATE", "\"sku\";\"quantity\"\n\"TS-NAVY-M\";\"1\"\n", key);
        assertEquals(429, second.status());
        assertEquals(429, second.json().get("status").asInt());
        sleep(400);
        JsonNode status = get("/api/offers/imports/" + first.json().get("import_id").asLong()).json();
        assertEquals("FAILED", status.get("status").asString());
        assertTrue(status.get("reason_status").asString().contains("stock"));
        assertEquals(5, offer("mirakl", "TS-NAVY-M").get("quantity").asInt());
    }

    @Test
    void injected429ThenSuccessAndOrders() {
        control("mirakl", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        assertEquals(429, importOffers("PARTIAL_UPDATE", "\"sku\";\"quantity\"\n\"TS-NAVY-M\";\"3\"\n", key).status());
        assertEquals(201, importOffers("PARTIAL_UPDATE", "\"sku\";\"quantity\"\n\"TS-NAVY-M\";\"3\"\n", key).status());
        control("mirakl", "POST", "/orders", "{\"lines\":[{\"sku\":\"TS-NAVY-L\",\"quantity\":2}]}");
        var orders = get("/api/orders?start_update_date=2023-11-14T11:00:00Z&max=100");
        assertEquals(200, orders.status(), orders.body());
        JsonNode line = orders.json().get("orders").get(0).get("order_lines").get(0);
        assertEquals("TS-NAVY-L", line.get("offer_sku").asString());
        assertEquals(2, line.get("quantity").asInt());
        assertEquals(429, get("/api/orders?start_update_date=2023-11-14T11:00:00Z").status());
        String orderId = orders.json().get("orders").get(0).get("order_id").asString();
        var accept = send("PUT", base("mirakl") + "/api/orders/" + orderId + "/accept",
                "{\"order_lines\":[{\"id\":\"" + orderId + "-1\",\"accepted\":true}]}",
                "Authorization", key, "Accept", "application/json", "Content-Type", "application/json");
        assertEquals(204, accept.status(), accept.body());
    }
}
