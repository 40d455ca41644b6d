/**
 * TikTok Shop Partner API (version 202309) connector: inventory and price updates per product (all its SKUs in one
 * call), {@code partial_edit} for content and GPSR, order search and signed webhooks, HMAC-SHA256 request signing.
 */
package dev.omnisync.channel.tiktok;
