package dev.omnisync.listing;

import java.util.List;

/** The listings a bulk change applies to: named by id, or matching a filter. */
public sealed interface ListingSelection {

    record ByIds(List<Long> listingIds) implements ListingSelection {

        public ByIds {
            if (listingIds == null || listingIds.isEmpty()) {
                throw new IllegalArgumentException("'listingIds' must name at least one listing.");
            }
            if (listingIds.stream().anyMatch(id -> id == null)) {
                throw new IllegalArgumentException("'listingIds' cannot contain null.");
            }
            listingIds = listingIds.stream().distinct().toList();
        }
    }

    record ByFilter(ListingFilter filter) implements ListingSelection {
    }
}
