/**
 * Listings: the link between a store product and its offer on one channel account, with the listing's
 * Synchronization and Selling Policy, per-item inventory flag, price ownership, Amazon ASIN ownership and
 * the values the channel last accepted. Linking, the bulk policy change (with undo), and the
 * {@link dev.omnisync.policy.PolicyUsage} port the policy module asks.
 */
package dev.omnisync.listing;
