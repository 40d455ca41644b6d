package dev.omnisync.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkChangeRequestTest {

    private static final ListingSelection ONE = new ListingSelection.ByIds(List.of(1L));

    @Test
    void exactlyOneTargetPolicyIsRequired() {
        assertThatThrownBy(() -> new BulkChangeRequest(ONE, null, null, null, false)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new BulkChangeRequest(ONE, 1L, null, 2L, false)).hasMessageContaining("exactly one");
        assertThat(new BulkChangeRequest(ONE, null, null, 2L, false).kind()).isEqualTo(PolicyKind.SELLING);
        assertThat(new BulkChangeRequest(ONE, null, new BulkChangeRequest.InlinePolicy("n", null, null), null, false).kind())
                .isEqualTo(PolicyKind.SYNC);
    }

    @Test
    void aSelectionIsRequiredAndIdsMustBeReal() {
        assertThatThrownBy(() -> new BulkChangeRequest(null, 1L, null, null, false)).hasMessageContaining("listingIds");
        assertThatThrownBy(() -> new ListingSelection.ByIds(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ListingSelection.ByIds(Arrays.asList(1L, null))).hasMessageContaining("null");
    }

    @Test
    void filterWordsAreCheckedAndNormalised() {
        assertThat(new ListingFilter(null, null, null, "quarantined", null, null).status()).isEqualTo("QUARANTINED");
        assertThatThrownBy(() -> new ListingFilter(null, null, null, "x; drop", null, null)).hasMessageContaining("status");
        assertThatThrownBy(() -> new ListingFilter(null, null, " ", null, null, null)).hasMessageContaining("sku");
    }
}
