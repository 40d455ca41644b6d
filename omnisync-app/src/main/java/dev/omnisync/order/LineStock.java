package dev.omnisync.order;

/** What an order line did to the store's stock. */
public enum LineStock {
    /** Units held back in the ledger; the store order is not placed yet. */
    RESERVED,
    /** A store order took the units: on hand dropped. */
    SOLD,
    /** Cancelled (or returned) before a sale was committed: the reservation was released. */
    RELEASED,
    /** Cancelled (or returned) before shipment after the sale was committed: the units went back on hand. */
    RESTOCKED,
    /** The account does not create store orders: the store's stock is not touched. */
    UNTRACKED,
    /** No store product has the line's SKU. */
    UNMATCHED,
    /** First seen already cancelled or returned: nothing to do. */
    NONE
}
