/**
 * Temu partner API connector (local seller APIs on {@code /openapi/router}): stock, price and partial content
 * updates per goods (all its SKUs in one call), MD5-signed flat bodies, {@code bg.order.list.v2.get} orders and
 * AES-encrypted, HMAC-signed webhooks.
 */
package dev.omnisync.channel.temu;
