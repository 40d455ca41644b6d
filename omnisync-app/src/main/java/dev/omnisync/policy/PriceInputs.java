package dev.omnisync.policy;

import java.math.BigDecimal;

/** The store's prices of a product; any may be unset (null). */
public record PriceInputs(BigDecimal price, BigDecimal salePrice, BigDecimal msrp) {
}
