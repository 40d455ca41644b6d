package dev.omnisync.channel.spi;

import java.util.List;

/**
 * One page of changed orders. An order can appear on more than one page (or in the next window again):
 * store orders by (account, channel order id) and lines by line id.
 *
 * @param orders  the orders on this page
 * @param next    the cursor for the next call: the next page, or — when {@code hasMore} is false — the start of
 *                the next window (the latest change seen), to be saved once the orders are stored
 * @param hasMore whether the current window has more pages
 */
public record OrderPage(List<ChannelOrder> orders, OrderCursor next, boolean hasMore) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
