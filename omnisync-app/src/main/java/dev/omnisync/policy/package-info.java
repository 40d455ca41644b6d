/**
 * Synchronization Policies (which fields flow from the store to a channel) and Selling Policies (what
 * values are sent: price and quantity arithmetic that also explains itself), the previews of policy
 * edits, and the ports other modules implement or use ({@link dev.omnisync.policy.SyncPolicies},
 * {@link dev.omnisync.policy.SellingPolicies}, {@link dev.omnisync.policy.PolicyUsage}).
 * Classes directly in this package are pure: no Spring, no I/O.
 */
package dev.omnisync.policy;
