package dev.omnisync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    private static final JsonShape SHAPE = JsonShape.object()
            .required("sku", JsonShape.string(1, 5))
            .optional("price", JsonShape.object().required("value", JsonShape.decimalString(BigDecimal.ZERO)).required("currency", JsonShape.string(3, 3)))
            .optional("quantity", JsonShape.integer(0, 10))
            .optional("tags", JsonShape.array(JsonShape.string(), 0, 2));

    private static List<JsonShape.Violation> check(String json) {
        return SHAPE.check(SandboxJson.MAPPER.readTree(json));
    }

    @Test
    void namesEveryKindOfViolationWithItsPath() {
        assertTrue(check("{\"sku\":\"A\",\"price\":{\"value\":\"1.50\",\"currency\":\"EUR\"},\"quantity\":3,\"tags\":[\"x\"]}").isEmpty());
        assertEquals("colour", check("{\"sku\":\"A\",\"colour\":1}").get(0).path());
        assertEquals(JsonShape.Violation.UNKNOWN, check("{\"sku\":\"A\",\"colour\":1}").get(0).kind());
        assertEquals("price.value", check("{\"sku\":\"A\",\"price\":{\"value\":1.5,\"currency\":\"EUR\"}}").get(0).path());
        assertEquals(JsonShape.Violation.MISSING, check("{\"quantity\":1}").get(0).kind());
        assertEquals("quantity", check("{\"sku\":\"A\",\"quantity\":11}").get(0).path());
        assertEquals("quantity", check("{\"sku\":\"A\",\"quantity\":1.5}").get(0).path());
        assertEquals("tags", check("{\"sku\":\"A\",\"tags\":[\"a\",\"b\",\"c\"]}").get(0).path());
        assertEquals("tags[1]", check("{\"sku\":\"A\",\"tags\":[\"a\",2]}").get(0).path());
        assertEquals("price.value", check("{\"sku\":\"A\",\"price\":{\"value\":\"-1\",\"currency\":\"EUR\"}}").get(0).path());
    }

    /** Seeded random bodies: a body is accepted exactly when every field is within its rule. */
    @Test
    void acceptsExactlyTheValidBodies() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            int skuLength = random.nextInt(8);
            int quantity = random.nextInt(14) - 2;
            boolean extra = random.nextInt(5) == 0;
            String json = "{\"sku\":\"" + "x".repeat(skuLength) + "\",\"quantity\":" + quantity + (extra ? ",\"extra\":true" : "") + "}";
            boolean valid = skuLength >= 1 && skuLength <= 5 && quantity >= 0 && quantity <= 10 && !extra;
            assertEquals(valid, check(json).isEmpty(), "seed " + seed + ": " + json);
        }
    }
}
