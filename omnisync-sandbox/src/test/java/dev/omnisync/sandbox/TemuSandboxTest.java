package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static dev.omnisync.sandbox.SandboxFixture.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnisync.sandbox.temu.TemuSandbox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TemuSandboxTest {

    private JsonNode creds;
    private long goodsId;
    private long skuId;

    @BeforeEach
    void setUp() {
        SandboxFixture.reset("temu");
        JsonNode seeded = control("temu", "POST", "/offers", "[{\"sku\":\"TS-NAVY-M\",\"price\":\"15.99\",\"quantity\":5}]").json();
        goodsId = Long.parseLong(seeded.get(0).get("ids").get("goodsId").asString());
        skuId = Long.parseLong(seeded.get(0).get("ids").get("skuId").asString());
        creds = control("temu", "GET", "/credentials", null).json();
    }

    @Test
    void signMatchesTheDocumentedVectors() {
        String official = "{\"type\":\"bg.logistics.shipment.confirm\",\"app_key\":\"f9d5cc9313893a20d5aa85c654e8f503\","
                + "\"access_token\":\"2nifvmpyymvypwmcms5ct4uqqudrwgpmzbcnmkt1jzjkuaf3x56iixym\",\"data_type\":\"JSON\",\"timestamp\":1711009072,"
                + "\"sendType\":0,\"sendRequestList\":[{\"orderSendInfoList\":[{\"quantity\":1,\"orderSn\":\"211-21905473070712792\","
                + "\"parentOrderSn\":\"PO-211-21905452099192792\",\"goodsId\":601099548666279,\"skuId\":17592352673534}],"
                + "\"carrierId\":\"699272611\",\"trackingNumber\":\"270324232756\"}]}";
        assertEquals("4CCF219942D4180C6DDA3CE36C1B838F",
                TemuSandbox.sign("c7e0a1a63542be4de3cb5488f9fba8149e8fc290", SandboxJson.MAPPER.readTree(official)));
        String worked = "{\"type\":\"bg.local.goods.stock.edit\",\"app_key\":\"4d1a9c0e2b7f4c3a8e6d5b4a3c2e1f00\",\"access_token\":\"demo-access-token-xyz\","
                + "\"timestamp\":1700000000,\"data_type\":\"JSON\",\"goodsId\":601099512345678,\"skuStockTargetList\":[{\"skuId\":17592186044417,\"stockTarget\":25}]}";
        assertEquals("4970E918C55F56D1C019903B8391BD7F", TemuSandbox.sign("demo_secret_0123456789abcdef", SandboxJson.MAPPER.readTree(worked)));
    }

    @Test
    void webhookSignatureMatchesTheOfficialVector() {
        // Inputs of the published vector: app key, event code, ext-param and timestamp headers as in Temu's guide.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-tm-app-key", "demo-test-app");
        headers.put("x-tm-event-code", "bg_test_event");
        headers.put("x-tm-ext-param", "{}");
        headers.put("x-tm-timestamp", "1726127013525");
        assertEquals("b5143d1a831453afbcf76d4621baa74a2dc07a486f26f5a956c6e50c61a338fb",
                TemuSandbox.webhookSignature("12345678abcdefgh", "{\"orderSn\":\"XXYYZZ\",\"status\":1}", headers));
    }

    private SandboxFixture.Reply call(String type, String params, String secret) {
        ObjectNode body = (ObjectNode) SandboxJson.MAPPER.readTree(params);
        body.put("type", type).put("app_key", creds.get("appKey").asString()).put("access_token", creds.get("accessToken").asString())
                .put("timestamp", Instant.now().getEpochSecond()).put("data_type", "JSON");
        body.put("sign", TemuSandbox.sign(secret, body));
        return send("POST", base("temu") + "/openapi/router", SandboxJson.write(body), "Content-Type", "application/json");
    }

    private SandboxFixture.Reply call(String type, String params) {
        return call(type, params, creds.get("appSecret").asString());
    }

    @Test
    void stockEditChangesTheOffer() {
        var reply = call("bg.local.goods.stock.edit", "{\"goodsId\":" + goodsId + ",\"skuStockTargetList\":[{\"skuId\":" + skuId + ",\"stockTarget\":25}]}");
        assertTrue(reply.json().get("success").asBoolean(), reply.body());
        assertEquals(25, offer("temu", "TS-NAVY-M").get("quantity").asInt());
        var price = call("bg.local.goods.priceorder.change.sku.price", "{\"goodsId\":" + goodsId + ",\"changeSkuPriceDTOList\":[{\"reason\":\"Cost change\","
                + "\"skuChangePriceBaseDTOList\":[{\"skuId\":" + skuId + ",\"newSupplierPrice\":{\"amount\":\"14.50\",\"currency\":\"EUR\"}}]}]}");
        assertTrue(price.json().get("success").asBoolean(), price.body());
        assertEquals("14.50", offer("temu", "TS-NAVY-M").get("price").asString());
        assertEquals(2, stats("temu").get("updateRequests").asInt());
    }

    @Test
    void refusesBadSignUnknownParamsAndBothLists() {
        var badSign = call("bg.local.goods.stock.edit", "{\"goodsId\":" + goodsId + ",\"skuStockTargetList\":[{\"skuId\":" + skuId + ",\"stockTarget\":1}]}", "wrong");
        assertFalse(badSign.json().get("success").asBoolean());
        assertEquals(3000001, badSign.json().get("errorCode").asInt());
        assertEquals(200, badSign.status());
        assertEquals(1, stats("temu").get("rejectedRequests").asInt());
        var unknown = call("bg.local.goods.stock.edit", "{\"goodsId\":" + goodsId + ",\"stock\":3,\"skuStockTargetList\":[{\"skuId\":" + skuId + ",\"stockTarget\":1}]}");
        assertEquals(3000000, unknown.json().get("errorCode").asInt());
        var both = call("bg.local.goods.stock.edit", "{\"goodsId\":" + goodsId + ",\"skuStockTargetList\":[{\"skuId\":" + skuId + ",\"stockTarget\":1}],"
                + "\"skuStockChangeList\":[{\"skuId\":" + skuId + ",\"stockDiff\":1}]}");
        assertEquals(150013003, both.json().get("errorCode").asInt());
        var over = call("bg.local.goods.stock.edit", "{\"goodsId\":" + goodsId + ",\"skuStockTargetList\":[{\"skuId\":" + skuId + ",\"stockTarget\":1000000}]}");
        assertEquals(150013002, over.json().get("errorCode").asInt());
        control("temu", "POST", "/tokens/expire", null);
        var expired = call("bg.local.goods.stock.edit", "{\"goodsId\":" + goodsId + ",\"skuStockTargetList\":[{\"skuId\":" + skuId + ",\"stockTarget\":1}]}");
        assertEquals(3000034, expired.json().get("errorCode").asInt());
        assertEquals(5, offer("temu", "TS-NAVY-M").get("quantity").asInt());
    }

    @Test
    void injected429ThenSuccessAndRejectSku() {
        control("temu", "POST", "/faults", "{\"type\":\"HTTP_429\",\"count\":1}");
        String stock = "{\"goodsId\":" + goodsId + ",\"skuStockTargetList\":[{\"skuId\":" + skuId + ",\"stockTarget\":9}]}";
        assertEquals(4000004, call("bg.local.goods.stock.edit", stock).json().get("errorCode").asInt());
        control("temu", "POST", "/faults", "{\"type\":\"REJECT_SKU\",\"count\":1,\"sku\":\"TS-NAVY-M\"}");
        var rejected = call("bg.local.goods.stock.edit", stock);
        assertFalse(rejected.json().get("result").get("skuStockEditStatusInfoList").get(0).get("stockEditStatus").asBoolean());
        assertTrue(call("bg.local.goods.stock.edit", stock).json().get("success").asBoolean());
        assertEquals(9, offer("temu", "TS-NAVY-M").get("quantity").asInt());
        assertEquals(1, stats("temu").get("rateLimited").asInt());
    }

    @Test
    void ordersAndContent() {
        control("temu", "POST", "/orders", "{\"lines\":[{\"sku\":\"TS-NAVY-M\",\"quantity\":2}]}");
        var orders = call("bg.order.list.v2.get", "{\"pageNumber\":1,\"pageSize\":100,\"updateAtStart\":1700000000,\"updateAtEnd\":"
                + (Instant.now().getEpochSecond() + 10) + "}");
        assertTrue(orders.json().get("success").asBoolean(), orders.body());
        JsonNode line = orders.json().get("result").get("pageItems").get(0).get("orderList").get(0);
        assertEquals(2, line.get("quantity").asInt());
        assertEquals("TS-NAVY-M", line.get("productList").get(0).get("extCode").asString());
        var content = call("bg.local.goods.partial.update", "{\"goodsId\":" + goodsId + ",\"goodsBasic\":{\"goodsName\":\"Organic T-Shirt\"},\"goodsDesc\":\"Soft.\"}");
        assertTrue(content.json().get("success").asBoolean(), content.body());
        assertEquals("Organic T-Shirt", offer("temu", "TS-NAVY-M").get("title").asString());
    }
}
