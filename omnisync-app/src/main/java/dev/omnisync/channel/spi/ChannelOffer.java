package dev.omnisync.channel.spi;

import java.math.BigDecimal;

/**
 * An offer that exists on the channel, as read for linking.
 *
 * @param sku        the seller SKU
 * @param gtin       EAN/GTIN/UPC when the channel exposes it, else null
 * @param channelRef the channel's id of the offer (eBay offerId, Amazon ASIN, Walmart WPID, Kaufland id_unit)
 * @param price      the price the channel shows, null when the listing call does not say
 * @param currency   its currency
 * @param quantity   the quantity the channel shows, null when the listing call does not say
 * @param title      the channel's title
 */
public record ChannelOffer(String sku, String gtin, String channelRef, BigDecimal price, String currency, Integer quantity,
        String title) {
}
