package dev.omnisync.policy;

/** A product's stock: units on hand and units reserved by open orders not yet in the store. */
public record StockInputs(int onHand, int reserved) {

    public StockInputs {
        if (onHand < 0 || reserved < 0) {
            throw new IllegalArgumentException("stock cannot be negative (on hand " + onHand + ", reserved " + reserved + ")");
        }
    }
}
