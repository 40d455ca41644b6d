/**
 * Amazon Selling Partner API connector: Listings Items PATCH for small sets (paced at the per-account rate),
 * {@code JSON_LISTINGS_FEED} for larger ones (Pending, then polled and read from the processing report),
 * Orders v0 with order items, LWA refresh-token grant.
 */
package dev.omnisync.channel.amazon;
