package dev.omnisync.channel.spi;

import java.time.Instant;
import java.util.List;

/**
 * An order as the channel reports it.
 *
 * @param channelOrderId the channel's order id (eBay orderId, AmazonOrderId, Walmart purchaseOrderId, Kaufland id_order)
 * @param state          the order's state in Omnisync's terms
 * @param changedAt      when the channel last changed it
 * @param currency       currency of the line prices
 * @param lines          its lines
 */
public record ChannelOrder(String channelOrderId, OrderState state, Instant changedAt, String currency, List<OrderLine> lines) {

    public ChannelOrder {
        lines = List.copyOf(lines);
    }

    /** Order states that matter for stock. */
    public enum OrderState {
        /** Placed, not shipped: reserves stock. */
        OPEN,
        /** Shipped or delivered: the stock is gone. */
        SHIPPED,
        /** Cancelled before shipment: gives the stock back. */
        CANCELLED,
        /** Returned. */
        RETURNED
    }
}
