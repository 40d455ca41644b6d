package dev.omnisync.order;

import dev.omnisync.catalog.StockMove;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;

/**
 * The store's side of channel orders: where a store order is created for a channel order (the default records it
 * and commits the sale in the stock ledger; an external store can take its place). Called in the order module's
 * transaction; set-based: one call for many orders.
 */
public interface StoreOrders {

    /** One channel order's lines to turn into a store order. */
    record Request(long orderId, List<StockMove> lines) {
    }

    /** Places store orders; answers the store order reference per channel order id (Omnisync's order id). */
    java.util.Map<Long, String> place(WorkspaceId workspace, List<Request> requests);

    /** The lines were cancelled before shipment: their units go back to the store, once. */
    void cancel(WorkspaceId workspace, List<Request> cancelled);
}
