package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static dev.omnisync.sandbox.SandboxFixture.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnisync.sandbox.tiktok.TiktokSandbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TiktokSandboxTest {

    private JsonNode creds;
    private String token;
    private String productId;
    private String skuId;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("tiktok");
        JsonNode seeded = control("tiktok", "POST", "/offers", "[{\"sku\":\"TS-NAVY-M\",\"price\":\"19.99\",\"quantity\":5,\"title\":\"T-Shirt\"}]").json();
        productId = seeded.get(0).get("ids").get("product_id").asString();
        skuId = seeded.get(0).get("ids").get("sku_id").asString();
        creds = control("tiktok", "GET", "/credentials", null).json();
        var t = send("GET", base("tiktok") + "/api/v2/token/get?app_key=" + creds.get("appKey").asString() + "&app_secret="
                + creds.get("appSecret").asString() + "&auth_code=" + creds.get("authCode").asString() + "&grant_type=authorized_code", null);
        assertEquals(200, t.status(), t.body());
        token = t.json().get("data").get("access_token").asString();
    }

    @Test
    void signMatchesTheOfficialVectors() {
        assertEquals("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
                TiktokSandbox.sign("e59af819cc", "/authorization/202309/shops", Map.of("app_key", "29a39d", "timestamp", "1623812664"), null));
        assertEquals("1f4d70163e6f1990788408baab1400e03f7177fd7de83dc421de432908d24fc4",
                TiktokSandbox.sign("s3cr3t-demo-0001", "/product/202309/products/1729592969712207012/inventory/update",
                        Map.of("app_key", "6abc123def456", "shop_cipher", "ROW_demoCipher123", "timestamp", "1700000000"),
                        "{\"skus\":[{\"id\":\"1729592969712207013\",\"inventory\":[{\"warehouse_id\":\"7068517275539719942\",\"quantity\":25}]}]}"
                                .getBytes(StandardCharsets.UTF_8)));
    }

    private SandboxFixture.Reply call(String method, String path, Map<String, String> extra, String body, String secret) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", creds.get("appKey").asString());
        q.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        q.put("shop_cipher", creds.get("shopCipher").asString());
        q.putAll(extra);
        q.put("sign", TiktokSandbox.sign(secret, path, q, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
        StringJoiner query = new StringJoiner("&");
        q.forEach((k, v) -> query.add(k + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(method, base("tiktok") + path + "?" + query, body, "x-tts-access-token", token, "Content-Type", "application/json");
    }

    private SandboxFixture.Reply call(String path, String body) {
        return call("POST", path, Map.of(), body, creds.get("appSecret").asString());
    }

    @Test
    void inventoryUpdateChangesTheOffer() {
        var reply = call("/product/202309/products/" + productId + "/inventory/update",
                "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"quantity\":25}]}]}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(0, reply.json().get("code").asInt());
        assertEquals(25, offer("tiktok", "TS-NAVY-M").get("quantity").asInt());
        var price = call("/product/202309/products/" + productId + "/prices/update",
                "{\"skus\":[{\"id\":\"" + skuId + "\",\"price\":{\"amount\":\"17.50\",\"currency\":\"GBP\"}}]}");
        assertEquals(0, price.json().get("code").asInt(), price.body());
        assertEquals("17.50", offer("tiktok", "TS-NAVY-M").get("price").asString());
        assertEquals(2, stats("tiktok").get("updateRequests").asInt());
    }

    @Test
    void perSkuErrorsComeInsideCodeZero() {
        control("tiktok", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"TS-NAVY-M\"}");
        var reply = call("/product/202309/products/" + productId + "/inventory/update",
                "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"quantity\":3}]}]}");
        assertEquals(0, reply.json().get("code").asInt());
        assertFalse(reply.json().get("data").get("errors").isEmpty());
        var tooMany = call("/product/202309/products/" + productId + "/inventory/update",
                "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"quantity\":100000}]}]}");
        assertFalse(tooMany.json().get("data").get("errors").isEmpty());
        assertEquals(5, offer("tiktok", "TS-NAVY-M").get("quantity").asInt());
    }

    @Test
    void refusesBadSignMissingCipherAndUnknownFields() {
        var badSign = call("POST", "/product/202309/products/" + productId + "/inventory/update", Map.of(),
                "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"quantity\":1}]}]}", "wrong");
        assertEquals(401, badSign.status());
        assertEquals(106001, badSign.json().get("code").asInt());
        var unknown = call("/product/202309/products/" + productId + "/inventory/update",
                "{\"skus\":[{\"id\":\"" + skuId + "\",\"stock\":1,\"inventory\":[{\"quantity\":1}]}]}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("stock"));
        control("tiktok", "POST", "/tokens/expire", null);
        var expired = call("/product/202309/products/" + productId + "/inventory/update",
                "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"quantity\":1}]}]}");
        assertEquals(105002, expired.json().get("code").asInt());
    }

    @Test
    void injected429ThenSuccessAndOrdersOneLinePerUnit() {
        control("tiktok", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        String body = "{\"skus\":[{\"id\":\"" + skuId + "\",\"inventory\":[{\"quantity\":8}]}]}";
        assertEquals(429, call("/product/202309/products/" + productId + "/inventory/update", body).status());
        assertEquals(200, call("/product/202309/products/" + productId + "/inventory/update", body).status());
        control("tiktok", "POST", "/orders", "{\"lines\":[{\"sku\":\"TS-NAVY-M\",\"quantity\":2}]}");
        var orders = call("POST", "/order/202309/orders/search", Map.of("page_size", "100"), "{\"update_time_ge\":1700000000}",
                creds.get("appSecret").asString());
        assertEquals(200, orders.status(), orders.body());
        assertEquals(2, orders.json().get("data").get("orders").get(0).get("line_items").size());
    }

    @Test
    void partialEditChangesContent() {
        var reply = call("/product/202309/products/" + productId + "/partial_edit", "{\"title\":\"Organic T-Shirt\",\"description\":\"<p>Soft</p>\"}");
        assertEquals(0, reply.json().get("code").asInt(), reply.body());
        assertEquals("Organic T-Shirt", offer("tiktok", "TS-NAVY-M").get("title").asString());
        SandboxFixture.await(() -> "ACTIVATE".equals(offer("tiktok", "TS-NAVY-M").get("attributes").get("status").asString()), 3000);
    }
}
