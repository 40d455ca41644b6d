package dev.omnisync.order;

import dev.omnisync.channel.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A channel order as Omnisync stored it.
 *
 * @param state      the channel's latest status of the order (OPEN, SHIPPED, CANCELLED, RETURNED)
 * @param storeOrder the store order created for it ({@code SO-<n>}), null when none (createStoreOrders off, or not yet)
 */
public record ImportedOrder(long id, long accountId, Channel channel, String channelOrderId, String state, String currency,
        Instant channelChangedAt, Instant importedAt, Instant updatedAt, String storeOrder, String storeOrderState,
        List<Line> lines) {

    public ImportedOrder {
        lines = List.copyOf(lines);
    }

    /**
     * One line.
     *
     * @param status   the channel's status of the line
     * @param stock    what it did to the store's stock ({@link LineStock})
     * @param orderRef the line's reference in the stock ledger (what the product's {@code reservedBy} names)
     */
    public record Line(String lineId, String sku, int quantity, BigDecimal unitPrice, String status, String stock, String orderRef) {
    }
}
