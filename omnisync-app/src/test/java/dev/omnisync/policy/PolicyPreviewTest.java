package dev.omnisync.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.policy.PolicyPreview.Effect;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyPreviewTest {

    private static SynchronizationPolicy sync(long id, String... fields) {
        return new SynchronizationPolicy(id, Channel.EBAY, "p" + id,
                SynchronizationPolicy.parseFields(Channel.EBAY, List.of(fields)), false, 1);
    }

    @Test
    void anEditReportsEnabledAndDisabledFieldsWithTheListingsToSend() {
        var preview = PolicyPreview.ofSyncEdit(sync(1, "PRICE", "QUANTITY"), sync(1, "PRICE", "TITLE"), 12);
        assertThat(preview.affectedListings()).isEqualTo(12);
        assertThat(preview.changes()).extracting(c -> c.field() + " " + c.effect() + " " + c.listingsToSend())
                .containsExactly("QUANTITY DISABLED 0", "TITLE ENABLED 12");
        assertThat(preview.affectsListings()).isTrue();
        assertThat(preview.changes()).allSatisfy(c -> assertThat(c.sample()).isEmpty());
    }

    @Test
    void aRenameChangesNothingThatIsSent() {
        var preview = PolicyPreview.ofSyncEdit(sync(1, "PRICE"), sync(1, "PRICE"), 5);
        assertThat(preview.changes()).isEmpty();
        assertThat(preview.affectsListings()).isFalse();
    }

    @Test
    void anEditOfAnUnusedPolicyStillShowsItsEffectsButAffectsNoListing() {
        var preview = PolicyPreview.ofSyncEdit(sync(1, "PRICE"), sync(1, "QUANTITY"), 0);
        assertThat(preview.changes()).hasSize(2);
        assertThat(preview.affectsListings()).isFalse();
    }

    @Test
    void aMoveFromSeveralPoliciesCountsPerField() {
        Map<SynchronizationPolicy, Long> current = new LinkedHashMap<>();
        current.put(sync(1, "PRICE"), 3L);
        current.put(sync(2, "PRICE", "QUANTITY", "TITLE"), 4L);
        var preview = PolicyPreview.ofSyncMove(current, sync(3, "PRICE", "QUANTITY"));
        assertThat(preview.affectedListings()).isEqualTo(7);
        assertThat(preview.changes()).extracting(c -> c.field() + " " + c.effect() + " " + c.listings())
                .containsExactly("QUANTITY ENABLED 3", "TITLE DISABLED 4");
    }

    @Test
    void aSellingEditReportsWhichSettingsChanged() {
        var before = SellingPolicy.identity(Channel.EBAY, "s");
        var after = before.edited("s", new PriceRule(PriceSource.PRICE, List.of(), Rounding.END_99, new BigDecimal("1.00"), BigDecimal.ZERO),
                new QuantityRule(QuantitySource.PRODUCT, null, 80, null, 5, 1));
        var preview = PolicyPreview.ofSellingEdit(before, after, 9);
        assertThat(preview.changes()).extracting(PolicyPreview.FieldChange::field).containsExactly(FieldKey.PRICE, FieldKey.QUANTITY);
        assertThat(preview.changes()).allSatisfy(c -> {
            assertThat(c.effect()).isEqualTo(Effect.CHANGED);
            assertThat(c.listingsToSend()).isEqualTo(9);
        });
        // "1.00" and "1" are the same rate: only rounding differs on the price side
        assertThat(preview.changes().get(0).settings()).containsExactly("rounding NONE → END_99");
        assertThat(preview.changes().get(1).settings()).containsExactly("percentage 100 → 80", "maxPosted null → 5", "buffer 0 → 1");
    }

    @Test
    void anUnchangedSellingPolicyHasNoChanges() {
        var policy = SellingPolicy.identity(Channel.OTTO, "s");
        assertThat(PolicyPreview.ofSellingEdit(policy, policy.edited("renamed", policy.price(), policy.quantity()), 3).changes()).isEmpty();
    }
}
