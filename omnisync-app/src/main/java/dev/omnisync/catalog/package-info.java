/**
 * The store's catalog: products (variants under a parent), their stock ledger (on hand, reserved,
 * available) and the change records every write appends for the sync engine.
 */
package dev.omnisync.catalog;
