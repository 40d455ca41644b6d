package dev.omnisync.listing;

import dev.omnisync.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** A workspace's listings. */
public interface Listings {

    Optional<Listing> find(WorkspaceId workspace, long listingId);

    /** Listings matching the filter, by id, after {@code afterId}, at most {@code limit}. */
    List<Listing> search(WorkspaceId workspace, ListingFilter filter, long afterId, int limit);
}
