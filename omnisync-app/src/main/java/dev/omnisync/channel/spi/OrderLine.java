package dev.omnisync.channel.spi;

import java.math.BigDecimal;

/**
 * One order line.
 *
 * @param lineId    the channel's line id (eBay lineItemId, Amazon OrderItemId, Walmart lineNumber, Kaufland id_order_unit)
 * @param sku       the seller SKU
 * @param quantity  units ordered on this line
 * @param unitPrice price of one unit, null when the channel does not say
 * @param cancelled whether the line is cancelled (channels cancel per line)
 */
public record OrderLine(String lineId, String sku, int quantity, BigDecimal unitPrice, boolean cancelled) {
}
