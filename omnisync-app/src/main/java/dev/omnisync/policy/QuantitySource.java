package dev.omnisync.policy;

/** Where a Selling Policy's quantity starts: the product's available stock or a fixed number. */
public enum QuantitySource {
    PRODUCT, FIXED
}
