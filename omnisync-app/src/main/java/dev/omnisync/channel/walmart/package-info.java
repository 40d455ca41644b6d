/**
 * Walmart Marketplace connector: inventory, price and item-maintenance feeds for bulk work (Pending, then polled per
 * item), single {@code PUT /v3/inventory} for small urgent quantity cuts, client-credentials token exchange, orders.
 */
package dev.omnisync.channel.walmart;
