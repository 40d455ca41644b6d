/**
 * Mirakl (MMP seller API) simulator: OF01 offer imports (CSV, NORMAL / PARTIAL_UPDATE / REPLACE) with OF02
 * status and OF03 error report, OF21 offers, OF24, P41/P42 product imports, OR11 orders, A01 account. Mounted
 * under {@code /sandbox/mirakl}. Accepts by default the shop API key {@code sandbox-mirakl-shop-key} (raw, no
 * Bearer) for shop {@code 2000} (override with {@code omnisync.sandbox.mirakl.api-key}); see docs/sandbox.md.
 */
package dev.omnisync.sandbox.mirakl;
