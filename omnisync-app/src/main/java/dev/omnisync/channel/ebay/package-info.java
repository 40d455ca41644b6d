/**
 * eBay connector (Sell Inventory v1, Sell Fulfillment v1, Commerce Notification v1): price and quantity through
 * {@code bulk_update_price_quantity} (≤25), content by read-modify-write of the inventory item and the offer (both
 * PUTs replace the whole object), fitment through product compatibility, OAuth refresh grant.
 */
package dev.omnisync.channel.ebay;
