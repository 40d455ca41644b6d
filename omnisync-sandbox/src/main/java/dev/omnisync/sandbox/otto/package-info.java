/**
 * OTTO Market simulator (client-credentials token with scopes, availability quantities, async product/price
 * update tasks, products listing, orders v4). Mounted under {@code /sandbox/otto}. Accepts by default client id
 * {@code sandbox-otto-client-id} and secret {@code sandbox-otto-client-secret} (override with
 * {@code omnisync.sandbox.otto.client-id|client-secret}); see docs/sandbox.md.
 */
package dev.omnisync.sandbox.otto;
