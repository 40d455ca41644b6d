/**
 * OTTO Market connector: quantities through {@code /v1/availability/quantities} (≤200 per call, synchronous), prices
 * through {@code /v5/products/prices} (≤500 per call, asynchronous update tasks polled until done), orders from
 * {@code /v4/orders} with cursor paging; OAuth2 client credentials with scopes.
 */
package dev.omnisync.channel.otto;
