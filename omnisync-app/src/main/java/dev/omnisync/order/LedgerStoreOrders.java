package dev.omnisync.order;

import dev.omnisync.catalog.StockLedger;
import dev.omnisync.catalog.StockMove;
import dev.omnisync.order.persistence.StoreOrderRows;
import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The built-in store: a store order is a {@code store_order} row, and placing it commits the sale in the ledger
 * (on hand drops, the reservation is released) in the same transaction.
 */
@Component
class LedgerStoreOrders implements StoreOrders {

    private final StoreOrderRows rows;
    private final StockLedger ledger;

    LedgerStoreOrders(StoreOrderRows rows, StockLedger ledger) {
        this.rows = rows;
        this.ledger = ledger;
    }

    @Override
    public Map<Long, String> place(WorkspaceId workspace, List<Request> requests) {
        Map<Long, String> refs = rows.placed(workspace, requests.stream().map(Request::orderId).toList());
        ledger.commitSale(workspace, refsOf(requests));
        return refs;
    }

    @Override
    public void cancel(WorkspaceId workspace, List<Request> cancelled) {
        ledger.restock(workspace, refsOf(cancelled));
        rows.cancelIfNothingLeft(workspace, cancelled.stream().map(Request::orderId).toList());
    }

    private static List<String> refsOf(List<Request> requests) {
        return requests.stream().flatMap(r -> r.lines().stream()).map(StockMove::orderRef).toList();
    }
}
