/**
 * Kaufland Seller API v2 simulator (HMAC-signed requests, units, bulk units, product data, order units,
 * subscriptions), mounted under {@code /sandbox/kaufland}. Accepts by default client key
 * {@code sandboxkauflandclientkey00000001} and secret key
 * {@code 5a4e1d0c6b3f2e9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e} (override with
 * {@code omnisync.sandbox.kaufland.client-key|secret-key}); see docs/sandbox.md.
 */
package dev.omnisync.sandbox.kaufland;
