package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.await;
import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.offer;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnisync.sandbox.kaufland.KauflandSandbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each channel's content route changes what the channel holds (title, description, images). */
class ContentRoutesTest {

    @Test
    void ebayPutOfferKeepsPriceAndDescription() {
        SandboxFixture.reset("ebay");
        String offerId = control("ebay", "POST", "/offers", "[{\"sku\":\"C-1\",\"price\":\"10.00\",\"quantity\":5}]").json()
                .get(0).get("ids").get("offerId").asString();
        String token = EbaySandboxTest.token();
        var put = send("PUT", base("ebay") + "/sell/inventory/v1/offer/" + offerId,
                "{\"availableQuantity\":4,\"categoryId\":\"20625\",\"format\":\"FIXED_PRICE\",\"listingDescription\":\"<p>Nice</p>\","
                        + "\"pricingSummary\":{\"price\":{\"value\":\"11.00\",\"currency\":\"EUR\"}}}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json", "Content-Language", "de-DE");
        assertEquals(204, put.status(), put.body());
        JsonNode got = send("GET", base("ebay") + "/sell/inventory/v1/offer/" + offerId, null, "Authorization", "Bearer " + token).json();
        assertEquals("<p>Nice</p>", got.get("listingDescription").asString());
        assertEquals("11.00", got.get("pricingSummary").get("price").get("value").asString());
        assertEquals(4, offer("ebay", "C-1").get("quantity").asInt());
    }

    @Test
    void amazonPutReplacesAttributesAfterTheDelay() {
        SandboxFixture.reset("amazon");
        control("amazon", "POST", "/offers", "[{\"sku\":\"C-1\",\"price\":\"10.00\",\"quantity\":5,\"title\":\"Old\"}]");
        JsonNode creds = control("amazon", "GET", "/credentials", null).json();
        String token = send("POST", base("amazon") + "/auth/o2/token", "grant_type=refresh_token&refresh_token="
                + java.net.URLEncoder.encode(creds.get("refreshToken").asString(), StandardCharsets.UTF_8) + "&client_id="
                + creds.get("clientId").asString() + "&client_secret=" + creds.get("clientSecret").asString(),
                "Content-Type", "application/x-www-form-urlencoded").json().get("access_token").asString();
        var patch = send("PATCH", base("amazon") + "/listings/2021-08-01/items/" + creds.get("sellerId").asString() + "/C-1?marketplaceIds=A1PA6795UKMFR9",
                "{\"productType\":\"HOME\",\"patches\":[{\"op\":\"replace\",\"path\":\"/attributes/item_name\",\"value\":[{\"value\":\"New\",\"language_tag\":\"de_DE\",\"marketplace_id\":\"A1PA6795UKMFR9\"}]}]}",
                "x-amz-access-token", token, "User-Agent", "Test/1.0 (Language=Java/17)", "Content-Type", "application/json");
        assertEquals("ACCEPTED", patch.json().get("status").asString(), patch.body());
        await(() -> "New".equals(offer("amazon", "C-1").get("title").asString()), 3000);
    }

    @Test
    void walmartMaintenanceFeedChangesContent() {
        SandboxFixture.reset("walmart");
        control("walmart", "POST", "/offers", "[{\"sku\":\"C-1\",\"price\":\"10.00\",\"quantity\":5}]");
        JsonNode creds = control("walmart", "GET", "/credentials", null).json();
        String basic = Base64.getEncoder().encodeToString((creds.get("clientId").asString() + ":" + creds.get("clientSecret").asString())
                .getBytes(StandardCharsets.UTF_8));
        String token = send("POST", base("walmart") + "/v3/token", "grant_type=client_credentials", "Authorization", "Basic " + basic,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json", "WM_SVC.NAME", "x",
                "WM_QOS.CORRELATION_ID", "1").json().get("access_token").asString();
        String file = "{\"MPItemFeedHeader\":{\"sellingChannel\":\"mpmaintenance\",\"processMode\":\"REPLACE\",\"version\":\"4.8\"},"
                + "\"MPItem\":[{\"Orderable\":{\"sku\":\"C-1\",\"productName\":\"Mug\"},\"Visible\":{\"Kitchen & Dining\":{\"shortDescription\":\"Safe\","
                + "\"mainImageUrl\":\"https://img.example.com/1.jpg\"}}}]}";
        String body = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.json\"\r\nContent-Type: application/json\r\n\r\n" + file + "\r\n--B--\r\n";
        var reply = send("POST", base("walmart") + "/v3/feeds?feedType=MP_MAINTENANCE", body, "WM_SEC.ACCESS_TOKEN", token, "WM_SVC.NAME", "x",
                "WM_QOS.CORRELATION_ID", UUID.randomUUID().toString(), "Accept", "application/json", "Content-Type", "multipart/form-data; boundary=B");
        assertEquals(200, reply.status(), reply.body());
        await(() -> "Mug".equals(offer("walmart", "C-1").get("title").asString()), 3000);
        assertEquals("Safe", offer("walmart", "C-1").get("description").asString());
    }

    @Test
    void kauflandProductDataChangesContentByEan() {
        SandboxFixture.reset("kaufland");
        control("kaufland", "POST", "/offers", "[{\"sku\":\"C-1\",\"ean\":\"4006381333931\",\"price\":\"10.00\",\"quantity\":5}]");
        JsonNode creds = control("kaufland", "GET", "/credentials", null).json();
        String url = base("kaufland") + "/v2/product-data?locale=de-DE";
        String body = "{\"ean\":[\"4006381333931\"],\"attributes\":{\"title\":[\"Becher\"],\"description\":[\"Spülmaschinenfest\"]}}";
        long ts = Instant.now().getEpochSecond();
        var reply = send("PATCH", url, body, "Shop-Client-Key", creds.get("clientKey").asString(), "Shop-Timestamp", String.valueOf(ts),
                "Shop-Signature", KauflandSandbox.sign("PATCH", url, body.getBytes(StandardCharsets.UTF_8), ts, creds.get("secretKey").asString()),
                "User-Agent", "Inhouse_development", "Accept", "application/json", "Content-Type", "application/json");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Becher", offer("kaufland", "C-1").get("title").asString());
        assertEquals("Spülmaschinenfest", offer("kaufland", "C-1").get("description").asString());
    }
}
