package dev.omnisync.catalog;

import dev.omnisync.catalog.persistence.StockRows;
import dev.omnisync.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's stock ledger: on hand, reserved (by which order lines) and available = on hand − reserved.
 * Every method is set-based and idempotent per order reference: a reservation, a sale and a restock each
 * happen at most once for a reference however often they are asked for. Every stock change bumps the
 * product's version and appends a {@code product_change} record (fields {@code quantity} and/or
 * {@code reserved}) in the same transaction, exactly like a {@link Products} write, so the sync engine sends
 * the new available quantity to every channel. Joins the caller's transaction.
 */
@Service
public class StockLedger {

    private final StockRows rows;

    StockLedger(StockRows rows) {
        this.rows = rows;
    }

    /** Holds units back for order lines; answers the moves applied (not those already reserved or of unknown SKUs). */
    @Transactional
    public List<StockMove> reserve(WorkspaceId workspace, List<StockMove> moves) {
        List<StockMove> applied = rows.insertReservations(workspace, moves);
        rows.adjust(workspace, applied, 0, +1);
        return applied;
    }

    /** Gives reserved units back (order cancelled before a sale was committed). */
    @Transactional
    public List<StockMove> release(WorkspaceId workspace, Collection<String> orderRefs) {
        List<StockMove> released = rows.deleteReservations(workspace, orderRefs);
        rows.adjust(workspace, released, 0, -1);
        return released;
    }

    /**
     * Commits the sale of reserved units: on hand drops and the reservation is released, in one step (available
     * does not move). References without a reservation are ignored.
     */
    @Transactional
    public List<StockMove> commitSale(WorkspaceId workspace, Collection<String> orderRefs) {
        List<StockMove> sold = rows.deleteReservations(workspace, orderRefs);
        rows.insertSales(workspace, sold);
        rows.adjust(workspace, sold, -1, -1);
        return sold;
    }

    /** Puts the units of committed sales back on hand (cancelled before shipment); each sale at most once. */
    @Transactional
    public List<StockMove> restock(WorkspaceId workspace, Collection<String> orderRefs) {
        List<StockMove> restocked = rows.deleteSales(workspace, orderRefs);
        rows.adjust(workspace, restocked, +1, 0);
        return restocked;
    }

    /** The stock of each SKU among {@code skus} that exists (one query whatever their number). */
    public Map<String, Stock> stock(WorkspaceId workspace, Collection<String> skus) {
        return rows.stock(workspace, skus);
    }

    /** One SKU's stock. */
    public record Stock(int onHand, int reserved) {

        /** On hand minus reserved, never below zero. */
        public int available() {
            return Math.max(0, onHand - reserved);
        }
    }

    /** The reservations holding stock of these SKUs, by SKU (oldest first). */
    public Map<String, List<Reservation>> reservations(WorkspaceId workspace, Collection<String> skus) {
        return rows.reservations(workspace, skus);
    }

    /** The ledger as one line of arithmetic, e.g. {@code on hand 12 − reserved 2 = available 10}. */
    public static String arithmetic(Product product) {
        return "on hand " + product.onHand() + " − reserved " + product.reserved() + " = available " + product.available();
    }

    /** Units held back by one order line. */
    public record Reservation(String orderRef, int quantity, java.time.Instant since) {
    }
}
