package dev.omnisync.listing;

import dev.omnisync.workspace.WorkspaceId;

/** A product was linked to an offer on a channel account: the planner sends what the policies enable. */
public record ListingLinked(WorkspaceId workspace, long listingId, long accountId, String sku) {
}
