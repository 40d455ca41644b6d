package dev.omnisync.channel.otto;

import java.math.BigDecimal;

/** OTTO Market wire records (camelCase as on the wire; money amounts are JSON numbers in EUR). */
final class OttoPayloads {

    private OttoPayloads() {
    }

    /** One entry of {@code POST /v1/availability/quantities}. */
    record Quantity(String sku, int quantity) {
    }

    /** One entry of {@code POST /v5/products/prices}. */
    record Price(String sku, Money standardPrice) {
    }

    record Money(BigDecimal amount, String currency) {
    }
}
