/**
 * TikTok Shop Partner API (202309) simulator: token get/refresh, shops, signed product inventory/price/partial
 * edit, product search, order search, webhooks. Mounted under {@code /sandbox/tiktok}. Accepts by default
 * app key {@code sandboxtiktokapp01}, app secret {@code sandbox-tiktok-app-secret-0001}, auth code
 * {@code sandbox-tiktok-auth-code}; the shop's cipher is {@code ROW_sandboxCipher01} (override with
 * {@code omnisync.sandbox.tiktok.app-key|app-secret|auth-code}); see docs/sandbox.md.
 */
package dev.omnisync.sandbox.tiktok;
