/**
 * eBay simulator (Sell Inventory v1, Sell Fulfillment v1, Commerce Notification v1, OAuth), mounted under
 * {@code /sandbox/ebay}. Accepts by default client id {@code sandbox-ebay-client-id}, secret
 * {@code sandbox-ebay-client-secret}, refresh token {@code sandbox-ebay-refresh-token}, authorization code
 * {@code sandbox-ebay-auth-code} (override with {@code omnisync.sandbox.ebay.client-id}, {@code client-secret},
 * {@code refresh-token}, {@code auth-code}); see docs/sandbox.md.
 */
package dev.omnisync.sandbox.ebay;
