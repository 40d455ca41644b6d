/**
 * Walmart Marketplace (US) simulator (token, inventory, price, feeds, items, orders, webhooks; {@code /v3}),
 * mounted under {@code /sandbox/walmart}. Accepts by default client id {@code sandbox-walmart-client-id} and
 * secret {@code sandbox-walmart-client-secret} (override with {@code omnisync.sandbox.walmart.client-id|client-secret});
 * see docs/sandbox.md.
 */
package dev.omnisync.sandbox.walmart;
