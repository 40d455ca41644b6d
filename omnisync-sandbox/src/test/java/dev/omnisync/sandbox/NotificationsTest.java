package dev.omnisync.sandbox;

import static dev.omnisync.sandbox.SandboxFixture.await;
import static dev.omnisync.sandbox.SandboxFixture.base;
import static dev.omnisync.sandbox.SandboxFixture.control;
import static dev.omnisync.sandbox.SandboxFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Order notifications arrive at a subscribed webhook, signed the channel's way. */
class NotificationsTest {

    /** A received POST: body and headers. */
    record Received(String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private HttpServer hook;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private String url;
    private static final String VERIFICATION_TOKEN = "sandbox-verification-token-0123456789abcdef";

    @BeforeEach
    void start() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
        hook.createContext("/hook", ex -> {
            if (ex.getRequestMethod().equals("GET")) {
                String code = URI.create(ex.getRequestURI().toString()).getQuery().replace("challenge_code=", "");
                byte[] answer = ("{\"challengeResponse\":\"" + Signatures.sha256Hex(code + VERIFICATION_TOKEN + url) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
            } else {
                received.add(new Received(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), ex.getRequestHeaders()));
                ex.sendResponseHeaders(204, -1);
            }
            ex.close();
        });
        hook.start();
    }

    @AfterEach
    void stop() {
        hook.stop(0);
    }

    @Test
    void ebayOrderConfirmationIsSignedWithTheKeyFromPublicKey() throws Exception {
        SandboxFixture.reset("ebay");
        control("ebay", "POST", "/offers", "[{\"sku\":\"MUG-1\",\"price\":\"10.00\",\"quantity\":5}]");
        String token = EbaySandboxTest.token();
        var destination = send("POST", base("ebay") + "/commerce/notification/v1/destination",
                "{\"name\":\"orders\",\"status\":\"ENABLED\",\"deliveryConfig\":{\"endpoint\":\"" + url + "\",\"verificationToken\":\"" + VERIFICATION_TOKEN + "\"}}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertEquals(201, destination.status(), destination.body());
        String location = destination.header("Location");
        String destinationId = location.substring(location.lastIndexOf('/') + 1);
        var subscription = send("POST", base("ebay") + "/commerce/notification/v1/subscription",
                "{\"topicId\":\"ORDER_CONFIRMATION\",\"status\":\"ENABLED\",\"destinationId\":\"" + destinationId
                        + "\",\"payload\":{\"format\":\"JSON\",\"schemaVersion\":\"1.0\",\"deliveryProtocol\":\"HTTPS\"}}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertEquals(201, subscription.status(), subscription.body());
        control("ebay", "POST", "/orders", "{\"orderId\":\"12-00000-00001\",\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}");
        await(() -> received.size() == 1, 3000);
        Received r = received.get(0);
        JsonNode sig = SandboxJson.MAPPER.readTree(Base64.getDecoder().decode(r.header("X-EBAY-SIGNATURE")));
        String pem = send("GET", base("ebay") + "/commerce/notification/v1/public_key/" + sig.get("kid").asString(), null,
                "Authorization", "Bearer " + token).json().get("key").asString();
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        Signature ecdsa = Signature.getInstance("SHA1withECDSA");
        ecdsa.initVerify(key);
        ecdsa.update(r.body().getBytes(StandardCharsets.UTF_8));
        assertTrue(ecdsa.verify(Base64.getDecoder().decode(sig.get("signature").asString())));
        assertEquals("12-00000-00001", SandboxJson.MAPPER.readTree(r.body()).get("notification").get("data").get("order").get("orderId").asString());
    }

    @Test
    void walmartPoCreatedCarriesTheHmacOfTheBody() {
        SandboxFixture.reset("walmart");
        control("walmart", "POST", "/offers", "[{\"sku\":\"MUG-1\",\"price\":\"10.00\",\"quantity\":5}]");
        JsonNode creds = control("walmart", "GET", "/credentials", null).json();
        String basic = Base64.getEncoder().encodeToString((creds.get("clientId").asString() + ":" + creds.get("clientSecret").asString())
                .getBytes(StandardCharsets.UTF_8));
        String token = send("POST", base("walmart") + "/v3/token", "grant_type=client_credentials", "Authorization", "Basic " + basic,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json", "WM_SVC.NAME", "x",
                "WM_QOS.CORRELATION_ID", UUID.randomUUID().toString()).json().get("access_token").asString();
        var sub = send("POST", base("walmart") + "/v3/webhooks/subscriptions", "{\"events\":[{\"eventType\":\"PO_CREATED\",\"eventVersion\":\"V1\","
                + "\"resourceName\":\"ORDER\",\"eventUrl\":\"" + url + "\",\"status\":\"ACTIVE\",\"authDetails\":{\"authMethod\":\"HMAC\","
                + "\"clientSecret\":\"shh\",\"authHeaderName\":\"X-Walmart-Auth\"}}]}",
                "WM_SEC.ACCESS_TOKEN", token, "WM_SVC.NAME", "x", "WM_QOS.CORRELATION_ID", UUID.randomUUID().toString(),
                "Accept", "application/json", "Content-Type", "application/json");
        assertEquals(200, sub.status(), sub.body());
        control("walmart", "POST", "/orders", "{\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}");
        await(() -> received.size() == 1, 3000);
        Received r = received.get(0);
        assertEquals(Signatures.hmacSha256Hex("shh", r.body()), r.header("X-Walmart-Auth"));
        assertEquals("PO_CREATED", SandboxJson.MAPPER.readTree(r.body()).get("source").get("eventType").asString());
    }

    @Test
    void tiktokWalmartAndAmazonNotifyTheControlSubscription() {
        SandboxFixture.reset("tiktok");
        control("tiktok", "POST", "/offers", "[{\"sku\":\"TS-1\",\"price\":\"10.00\",\"quantity\":5}]");
        control("tiktok", "POST", "/subscription", "{\"url\":\"" + url + "\"}");
        control("tiktok", "POST", "/orders", "{\"lines\":[{\"sku\":\"TS-1\",\"quantity\":1}]}");
        await(() -> received.size() == 1, 3000);
        JsonNode creds = control("tiktok", "GET", "/credentials", null).json();
        Received r = received.get(0);
        assertEquals(Signatures.hmacSha256Hex(creds.get("appSecret").asString(), creds.get("appKey").asString() + r.body()),
                r.header("Authorization"));
        SandboxFixture.reset("walmart");
        control("walmart", "POST", "/offers", "[{\"sku\":\"W-1\",\"price\":\"10.00\",\"quantity\":5}]");
        control("walmart", "POST", "/subscription", "{\"url\":\"" + url + "\"}");
        control("walmart", "POST", "/orders", "{\"lines\":[{\"sku\":\"W-1\",\"quantity\":1}]}");
        await(() -> received.size() == 2, 3000);
        String walmartSecret = control("walmart", "GET", "/credentials", null).json().get("clientSecret").asString();
        assertEquals(Signatures.hmacSha256Hex(walmartSecret, received.get(1).body()), received.get(1).header("X-Walmart-Auth"));
        SandboxFixture.reset("amazon");
        control("amazon", "POST", "/offers", "[{\"sku\":\"A-1\",\"price\":\"10.00\",\"quantity\":5}]");
        control("amazon", "POST", "/subscription", "{\"url\":\"" + url + "\"}");
        control("amazon", "POST", "/orders", "{\"lines\":[{\"sku\":\"A-1\",\"quantity\":1}]}");
        await(() -> received.size() == 3, 3000);
        assertEquals("ORDER_CHANGE", SandboxJson.MAPPER.readTree(received.get(2).body()).get("NotificationType").asString());
    }
}
