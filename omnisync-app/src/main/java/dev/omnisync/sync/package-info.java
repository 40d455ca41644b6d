/**
 * The sync engine: catalog changes are planned into one revision per listing (dirty fields, priority),
 * dispatched per channel account in the channel's largest batches within its rate budget, and their
 * outcomes recorded; every decision lands in the sync log with its reasons and arithmetic.
 */
package dev.omnisync.sync;
