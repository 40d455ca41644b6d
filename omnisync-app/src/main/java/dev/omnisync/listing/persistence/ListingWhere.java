package dev.omnisync.listing.persistence;

import dev.omnisync.listing.ListingFilter;
import dev.omnisync.listing.ListingSelection;
import dev.omnisync.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL condition (on {@code listing l}) for a selection, built from only the parts that are present so
 * that each query gets a plan for exactly its conditions. Values always travel as parameters.
 */
final class ListingWhere {

    private ListingWhere() {
    }

    static String of(WorkspaceId workspace, ListingSelection selection, Map<String, Object> params) {
        params.put("ws", workspace.value());
        if (selection instanceof ListingSelection.ByIds ids) {
            params.put("ids", ids.listingIds().toArray(Long[]::new));
            return "l.workspace_id = :ws and l.listing_id = any(:ids)";
        }
        return of(workspace, ((ListingSelection.ByFilter) selection).filter(), params);
    }

    static String of(WorkspaceId workspace, ListingFilter filter, Map<String, Object> params) {
        params.put("ws", workspace.value());
        List<String> conditions = new ArrayList<>();
        conditions.add("l.workspace_id = :ws");
        if (filter.channel() != null) {
            conditions.add("l.channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.accountId() != null) {
            conditions.add("l.account_id = :accountId");
            params.put("accountId", filter.accountId());
        }
        if (filter.status() != null) {
            conditions.add("l.status = :status");
            params.put("status", filter.status());
        }
        if (filter.syncPolicyId() != null) {
            conditions.add("l.sync_policy_id = :syncPolicyId");
            params.put("syncPolicyId", filter.syncPolicyId());
        }
        if (filter.sellingPolicyId() != null) {
            conditions.add("l.selling_policy_id = :sellingPolicyId");
            params.put("sellingPolicyId", filter.sellingPolicyId());
        }
        if (filter.sku() != null) {
            String sku = filter.sku().strip();
            if (sku.endsWith("*")) {
                conditions.add("l.sku like :skuPattern escape '\\'");
                params.put("skuPattern", likeEscaped(sku.substring(0, sku.length() - 1)) + "%");
            } else {
                conditions.add("l.sku = :sku");
                params.put("sku", sku);
            }
        }
        return String.join(" and ", conditions);
    }

    private static String likeEscaped(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
