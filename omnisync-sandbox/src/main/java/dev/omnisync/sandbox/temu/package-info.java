/**
 * Temu Open Platform (local seller APIs) simulator: one {@code POST /openapi/router} dispatching on {@code type},
 * MD5-signed flat bodies, stock/price/partial-update per goods, SKU lists, order list/detail, webhook events
 * (AES-encrypted, HMAC-signed). Mounted under {@code /sandbox/temu}. Accepts by default app key
 * {@code sandboxtemuappkey0000000000000001}, app secret {@code sandbox_temu_secret_0123456789}, access token
 * {@code sandbox-temu-access-token} (as pasted from Seller Center) or one created from auth code
 * {@code sandbox-temu-auth-code} (override with {@code omnisync.sandbox.temu.app-key|app-secret|access-token|auth-code});
 * see docs/sandbox.md.
 */
package dev.omnisync.sandbox.temu;
