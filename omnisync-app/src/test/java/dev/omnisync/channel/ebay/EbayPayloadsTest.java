package dev.omnisync.channel.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelOrder;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.OfferValues;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** eBay payload mapping, error classification and notification signatures. */
class EbayPayloadsTest {

    @Test
    void bulkEntryHasTheDocumentedShape() {
        ItemUpdate u = new ItemUpdate(1, "MUG-RED-01", "9012345678", null, EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(new BigDecimal("12.99"), "USD", 17));
        assertThat(new String(WireJson.write(EbayConnector.priceQuantity(u, "USD")), StandardCharsets.UTF_8)).isEqualTo(
                "{\"sku\":\"MUG-RED-01\",\"shipToLocationAvailability\":{\"quantity\":17},"
                        + "\"offers\":[{\"offerId\":\"9012345678\",\"availableQuantity\":17,\"price\":{\"value\":\"12.99\",\"currency\":\"USD\"}}]}");
        ItemUpdate priceOnly = new ItemUpdate(2, "MUG-BLU-01", "9012345679", null, EnumSet.of(FieldKey.PRICE),
                OfferValues.priceAndQuantity(new BigDecimal("8.5"), null, 3));
        assertThat(new String(WireJson.write(EbayConnector.priceQuantity(priceOnly, "USD")), StandardCharsets.UTF_8)).isEqualTo(
                "{\"sku\":\"MUG-BLU-01\",\"offers\":[{\"offerId\":\"9012345679\",\"price\":{\"value\":\"8.50\",\"currency\":\"USD\"}}]}");
    }

    @Test
    void contentIsOverlaidOnTheItemAsReadKeepingWhatIsNotSent() {
        JsonNode current = WireJson.tree(("{\"sku\":\"MUG\",\"locale\":\"en_US\",\"condition\":\"NEW\",\"availability\":"
                + "{\"shipToLocationAvailability\":{\"quantity\":17}},\"product\":{\"title\":\"Old\",\"description\":\"Keep\"}}").getBytes());
        ItemUpdate u = new ItemUpdate(1, "MUG", "1", null, EnumSet.of(FieldKey.TITLE, FieldKey.IMAGES, FieldKey.CATEGORIES),
                OfferValues.builder().title("New").description("ignored").images(List.of("https://i/1.jpg"))
                        .attributes(Map.of("Color", List.of("Red"))).build());
        ObjectNode item = EbayConnector.inventoryItem(current, u);
        assertThat(item.has("sku")).isFalse();
        assertThat(item.has("locale")).isFalse();
        assertThat(item.path("availability").path("shipToLocationAvailability").path("quantity").asInt()).isEqualTo(17);
        assertThat(item.path("product").path("title").asString()).isEqualTo("New");
        assertThat(item.path("product").path("description").asString()).isEqualTo("Keep");
        assertThat(item.path("product").path("imageUrls").path(0).asString()).isEqualTo("https://i/1.jpg");
        assertThat(item.path("product").path("aspects").path("Color").path(0).asString()).isEqualTo("Red");
    }

    @Test
    void offerCarriesGpsrPoliciesAndOtherSettings() {
        JsonNode current = WireJson.tree(("{\"offerId\":\"1\",\"sku\":\"MUG\",\"status\":\"PUBLISHED\",\"availableQuantity\":3,"
                + "\"pricingSummary\":{\"price\":{\"value\":\"9.99\",\"currency\":\"EUR\"}},\"listing\":{\"listingId\":\"2\"}}").getBytes());
        ItemUpdate u = new ItemUpdate(1, "MUG", "1", null, EnumSet.of(FieldKey.GPSR, FieldKey.SHIPPING_POLICY, FieldKey.OTHER),
                OfferValues.builder().gpsr(new OfferValues.Gpsr(new OfferValues.Party("Acme GmbH", "Hauptstr. 1", "Berlin", "10115", "DE",
                        "s@acme.example", null, null), null, List.of(), List.of())).shippingProfile("611")
                        .vatPercent(new BigDecimal("19")).msrp(new BigDecimal("24.9")).lotSize(2).build());
        ObjectNode offer = EbayConnector.offer(current, u, "EUR");
        assertThat(offer.has("offerId") || offer.has("status") || offer.has("listing")).isFalse();
        assertThat(offer.path("availableQuantity").asInt()).isEqualTo(3);
        assertThat(offer.path("regulatory").path("manufacturer").path("companyName").asString()).isEqualTo("Acme GmbH");
        assertThat(offer.path("regulatory").has("responsiblePersons")).isFalse();
        assertThat(offer.path("listingPolicies").path("fulfillmentPolicyId").asString()).isEqualTo("611");
        assertThat(offer.path("pricingSummary").path("price").path("value").asString()).isEqualTo("9.99");
        assertThat(offer.path("pricingSummary").path("originalRetailPrice").path("value").asString()).isEqualTo("24.90");
        assertThat(offer.path("tax").path("vatPercentage").decimalValue()).isEqualByComparingTo("19");
        assertThat(offer.path("lotSize").asInt()).isEqualTo(2);
    }

    @Test
    void errorsAreClassified() {
        EbayErrors errors = new EbayErrors(EbaySettings.defaults());
        HttpHeaders retryAfter = new HttpHeaders();
        retryAfter.set("Retry-After", "3");
        assertThat(errors.classify(1, new WireResponse(429, retryAfter, new byte[0])))
                .isInstanceOfSatisfying(Verdict.Retryable.class, r -> assertThat(r.delay()).isEqualTo(Duration.ofSeconds(3)));
        Verdict first = errors.classify(2, new WireResponse(429, new HttpHeaders(), new byte[0]));
        Verdict second = errors.classify(2, new WireResponse(429, new HttpHeaders(), new byte[0]));
        assertThat(((Verdict.Retryable) second).delay()).isEqualTo(((Verdict.Retryable) first).delay().multipliedBy(2));
        byte[] validation = "{\"errors\":[{\"errorId\":25709,\"message\":\"Invalid value for price.value.\"}]}".getBytes();
        assertThat(errors.classify(3, new WireResponse(400, new HttpHeaders(), validation)))
                .isEqualTo(new Verdict.Permanent("25709", "Invalid value for price.value."));
        assertThat(errors.classify(3, new WireResponse(500, new HttpHeaders(), new byte[0]))).isInstanceOf(Verdict.Retryable.class);
        assertThat(errors.classify(3, new WireResponse(401, new HttpHeaders(), new byte[0]))).isInstanceOf(Verdict.AuthExpired.class);
        JsonNode entry = WireJson.tree(("{\"offerId\":\"9\",\"sku\":\"B\",\"statusCode\":400,\"errors\":[{\"errorId\":25709,"
                + "\"message\":\"Invalid value for price.value.\"}]}").getBytes());
        assertThat(errors.classifyEntry(entry)).isEqualTo(new Verdict.Permanent("25709", "Invalid value for price.value."));
    }

    @Test
    void aSpentDailyRevisionBudgetWaitsForTheNextDayInsteadOfRejecting() {
        java.time.Instant now = java.time.Instant.parse("2024-05-02T21:00:00Z");
        EbayErrors errors = new EbayErrors(EbaySettings.defaults(), java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        JsonNode entry = WireJson.tree(("{\"sku\":\"B\",\"statusCode\":400,\"errors\":[{\"errorId\":25002,"
                + "\"message\":\"A user error has occurred. This listing has reached its limit of revisions for today.\"}]}").getBytes());
        assertThat(errors.classifyEntry(entry)).isInstanceOfSatisfying(Verdict.Retryable.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofHours(3)));
    }

    @Test
    void ordersReadCancellationAndUnitPrices() {
        String json = """
                {"orderId":"12-34567-89012","lastModifiedDate":"2024-05-02T09:20:11.000Z","orderFulfillmentStatus":"NOT_STARTED",
                 "cancelStatus":{"cancelState":"CANCELED"},"pricingSummary":{"total":{"value":"25.98","currency":"USD"}},
                 "lineItems":[{"lineItemId":"10012345678901","sku":"MUG-RED-01","quantity":2,"lineItemCost":{"value":"25.98","currency":"USD"}}]}""";
        ChannelOrder order = EbayConnector.order(WireJson.tree(json.getBytes()));
        assertThat(order.state()).isEqualTo(ChannelOrder.OrderState.CANCELLED);
        assertThat(order.lines().get(0).unitPrice()).isEqualByComparingTo("12.99");
        assertThat(order.lines().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void notificationSignaturesAreEcdsaWithSha1OverTheBody() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] body = "{\"metadata\":{\"topic\":\"ORDER_CONFIRMATION\"},\"notification\":{\"notificationId\":\"n1\"}}".getBytes();
        Signature signer = Signature.getInstance("SHA1withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(body);
        byte[] signature = signer.sign();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        assertThat(EbayConnector.verifies(EbayClient.parsePem(pem), body, signature)).isTrue();
        byte[] tampered = "{\"metadata\":{\"topic\":\"ORDER_CONFIRMATION\"},\"notification\":{\"notificationId\":\"n2\"}}".getBytes();
        assertThat(EbayConnector.verifies(EbayClient.parsePem(pem), tampered, signature)).isFalse();
    }
}
