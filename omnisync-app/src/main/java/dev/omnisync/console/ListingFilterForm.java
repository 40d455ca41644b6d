package dev.omnisync.console;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.ListingFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The grid's filter as the form sends it (every part optional); also the filter of "all matching" bulk changes. */
record ListingFilterForm(String channel, String accountId, String sku, String status, String syncPolicyId, String sellingPolicyId) {

    ListingFilter toFilter() {
        Channel ch = null;
        if (Forms.text(channel) != null) {
            ch = Channel.parse(channel).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown channel '" + channel + "'; choose one of " + Channel.allNames() + "."));
        }
        return new ListingFilter(ch, Forms.id("Account", accountId), Forms.text(sku), Forms.text(status),
                Forms.id("Synchronization policy", syncPolicyId), Forms.id("Selling policy", sellingPolicyId));
    }

    /** The filter as query parameters (for the next-page link), without empty parts. */
    public String query() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("channel", channel);
        parts.put("accountId", accountId);
        parts.put("sku", sku);
        parts.put("status", status);
        parts.put("syncPolicyId", syncPolicyId);
        parts.put("sellingPolicyId", sellingPolicyId);
        return parts.entrySet().stream().filter(e -> Forms.text(e.getValue()) != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public boolean isEmpty() {
        return query().isEmpty();
    }
}
