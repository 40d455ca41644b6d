package dev.omnisync.listing;

import java.util.List;

/**
 * Assign one policy to many listings. Exactly one of {@code syncPolicyId}, {@code syncPolicy} (created in
 * the same step) and {@code sellingPolicyId}.
 *
 * @param confirmed whether the user saw the preview and confirmed; without it an affecting change only previews
 */
public record BulkChangeRequest(ListingSelection selection, Long syncPolicyId, InlinePolicy syncPolicy, Long sellingPolicyId,
        boolean confirmed) {

    /** A synchronization policy created in the same step; its channel defaults to the selected listings'. */
    public record InlinePolicy(String name, String channel, List<String> fields) {
    }

    public BulkChangeRequest {
        if (selection == null) {
            throw new IllegalArgumentException("Select listings with 'listingIds' or a 'filter'.");
        }
        int targets = (syncPolicyId != null ? 1 : 0) + (syncPolicy != null ? 1 : 0) + (sellingPolicyId != null ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("Give exactly one of 'syncPolicyId', 'syncPolicy' (a new policy) and 'sellingPolicyId'.");
        }
    }

    public PolicyKind kind() {
        return sellingPolicyId != null ? PolicyKind.SELLING : PolicyKind.SYNC;
    }
}
