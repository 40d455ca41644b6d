package dev.omnisync.listing;

import dev.omnisync.channel.Channel;

/**
 * Which listings to select; null parts do not narrow.
 *
 * @param sku an exact SKU, or a prefix ending in {@code *} ({@code "SHOE-*"})
 */
public record ListingFilter(Channel channel, Long accountId, String sku, String status, Long syncPolicyId, Long sellingPolicyId) {

    public static final ListingFilter ALL = new ListingFilter(null, null, null, null, null, null);

    public ListingFilter {
        if (sku != null && (sku.isBlank() || sku.length() > 200)) {
            throw new IllegalArgumentException("'sku' must have 1 to 200 characters (a trailing * matches a prefix).");
        }
        if (status != null && !status.matches("[A-Za-z_]{1,40}")) {
            throw new IllegalArgumentException("'status' is a word such as ACTIVE or QUARANTINED (was '" + status + "').");
        }
        status = status == null ? null : status.toUpperCase(java.util.Locale.ROOT);
    }
}
