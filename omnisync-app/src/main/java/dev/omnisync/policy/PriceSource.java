package dev.omnisync.policy;

/** Which store price a Selling Policy starts from. */
public enum PriceSource {
    /** The regular price. */
    PRICE,
    /** The sale (special) price when the product has one, else the regular price. */
    SALE_PRICE,
    /** The manufacturer's suggested (strike-through) price; the regular price when there is none. */
    MSRP
}
