/**
 * Orders back from the channels: import by notification ({@code POST /webhooks/{channel}/{accountId}}) and by
 * polling (a per-account cursor saved only after the window's orders are stored), stored once per
 * (account, channel order id, line id); each line reserves stock in the catalog's
 * {@link dev.omnisync.catalog.StockLedger}, a store order is placed through the {@link dev.omnisync.order.StoreOrders}
 * port when the account asks for it, and cancellations before shipment give the units back, once.
 * Works for any channel whose connector implements {@code ordersSince} and {@code verifyNotification}.
 */
package dev.omnisync.order;
