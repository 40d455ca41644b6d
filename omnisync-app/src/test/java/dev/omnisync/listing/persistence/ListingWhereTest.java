package dev.omnisync.listing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.ListingFilter;
import dev.omnisync.listing.ListingSelection;
import dev.omnisync.workspace.WorkspaceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingWhereTest {

    private static final WorkspaceId WS = new WorkspaceId(7);

    @Test
    void onlyThePresentPartsBecomeConditionsAndEveryValueIsAParameter() {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(WS, new ListingFilter(Channel.EBAY, 3L, null, "active", null, 9L), params);
        assertThat(where).isEqualTo("l.workspace_id = :ws and l.channel = :channel and l.account_id = :accountId and l.status = :status"
                + " and l.selling_policy_id = :sellingPolicyId");
        assertThat(params).containsEntry("ws", 7L).containsEntry("channel", "EBAY").containsEntry("status", "ACTIVE")
                .containsEntry("sellingPolicyId", 9L);
    }

    @Test
    void aTrailingStarIsAPrefixWhoseLikeWildcardsAreEscaped() {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(WS, new ListingFilter(null, null, "A_1%\\*", null, null, null), params);
        assertThat(where).endsWith("l.sku like :skuPattern escape '\\'");
        assertThat(params.get("skuPattern")).isEqualTo("A\\_1\\%\\\\%");
        Map<String, Object> exact = new HashMap<>();
        assertThat(ListingWhere.of(WS, new ListingFilter(null, null, "A*B", null, null, null), exact)).endsWith("l.sku = :sku");
    }

    @Test
    void idsAreOneArrayParameterAndDuplicatesCollapse() {
        Map<String, Object> params = new HashMap<>();
        String where = ListingWhere.of(WS, new ListingSelection.ByIds(List.of(5L, 5L, 6L)), params);
        assertThat(where).isEqualTo("l.workspace_id = :ws and l.listing_id = any(:ids)");
        assertThat((Long[]) params.get("ids")).containsExactly(5L, 6L);
    }
}
