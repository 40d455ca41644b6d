/**
 * Mirakl seller API connector (MMP): price and quantity through OF01 offer imports in {@code PARTIAL_UPDATE} mode
 * (never OF24, which resets the fields not sent), results read back through OF02/OF03, categories and attributes
 * through P41 product imports (P42/P44), OR11 orders, OF21 offers; the shop API key in {@code Authorization}.
 */
package dev.omnisync.channel.mirakl;
