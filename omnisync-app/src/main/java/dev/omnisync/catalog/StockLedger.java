package dev.omnisync.catalog;

import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.Map;

/**
 * The store's stock per SKU: on hand (the merchant's {@code quantity}), reserved (units of open channel
 * orders not yet in the store) and available. Reading only; reserving and releasing come with order import.
 */
public interface StockLedger {

    /** The stock of each SKU among {@code skus} that exists (one query whatever their number). */
    Map<String, Stock> stock(WorkspaceId workspace, Collection<String> skus);

    /** One SKU's stock. */
    record Stock(int onHand, int reserved) {

        /** On hand minus reserved, never below zero. */
        public int available() {
            return Math.max(0, onHand - reserved);
        }
    }
}
