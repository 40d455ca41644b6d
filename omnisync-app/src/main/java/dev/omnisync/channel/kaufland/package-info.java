/**
 * Kaufland Marketplace Seller API v2 connector: unit updates through {@code POST /v2/units/bulk} (≤150 units, prices
 * in cents), GPSR through {@code PATCH /v2/product-data}, order units, HMAC-SHA256 request signing.
 */
package dev.omnisync.channel.kaufland;
