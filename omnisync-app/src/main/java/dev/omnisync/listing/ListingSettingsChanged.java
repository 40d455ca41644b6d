package dev.omnisync.listing;

import dev.omnisync.workspace.WorkspaceId;
import java.util.Set;

/** A listing's per-item settings changed ({@code inventorySync}, {@code priceManagedBy}, {@code asinOwner}). */
public record ListingSettingsChanged(WorkspaceId workspace, long listingId, Set<String> settings) {
}
