package dev.omnisync.catalog;

/**
 * Units of one SKU moved by one order line.
 *
 * @param orderRef the order line's reference in the ledger (unique per line; the ledger applies a move once per reference)
 */
public record StockMove(String sku, int quantity, String orderRef) {

    public StockMove {
        if (sku == null || orderRef == null || quantity < 1) {
            throw new IllegalArgumentException("a stock move needs a SKU, an order reference and a quantity >= 1");
        }
    }
}
