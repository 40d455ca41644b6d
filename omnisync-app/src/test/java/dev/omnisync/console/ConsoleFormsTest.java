package dev.omnisync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnisync.channel.Channel;
import dev.omnisync.listing.ListingFilter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class ConsoleFormsTest {

    @Test
    void aFilterFormBecomesTheListingFilterAndItsQueryLeavesOutEmptyParts() {
        ListingFilterForm form = new ListingFilterForm("ebay", "", "MUG-*", "quarantined", " 7 ", null);
        ListingFilter filter = form.toFilter();
        assertThat(filter.channel()).isEqualTo(Channel.EBAY);
        assertThat(filter.accountId()).isNull();
        assertThat(filter.sku()).isEqualTo("MUG-*");
        assertThat(filter.status()).isEqualTo("QUARANTINED");
        assertThat(filter.syncPolicyId()).isEqualTo(7L);
        assertThat(form.query()).isEqualTo("channel=ebay&sku=MUG-*&status=quarantined&syncPolicyId=7");
        assertThat(new ListingFilterForm(null, " ", null, null, null, null).isEmpty()).isTrue();
    }

    @Test
    void refusalsNameTheFieldThatWasNotUnderstood() {
        assertThatThrownBy(() -> new ListingFilterForm("ETSY", null, null, null, null, null).toFilter())
                .hasMessageContaining("Unknown channel 'ETSY'");
        assertThatThrownBy(() -> Forms.id("Account", "abc")).hasMessageContaining("'Account' must be a number");
        assertThatThrownBy(() -> Forms.decimal("Currency rate", "1.2.3")).hasMessageContaining("'Currency rate'");
        assertThat(Forms.decimal("VAT %", "19,5")).isEqualByComparingTo("19.5");
    }

    @Test
    void theSellingEditorsFieldsMakeThePolicyRules() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("priceSource", "PRICE");
        params.add("rounding", "END_99");
        params.add("currencyRate", "");
        params.add("mod1Kind", "PERCENT");
        params.add("mod1Value", "10");
        params.add("mod2Kind", "FIXED");
        params.add("mod2Value", "");
        params.add("quantitySource", "PRODUCT");
        params.add("percentage", "80");
        params.add("maxPosted", "5");
        params.add("buffer", "1");
        var price = PoliciesController.priceRule(params);
        assertThat(price.modifiers()).hasSize(1);
        assertThat(price.calculate(new dev.omnisync.policy.PriceInputs(new java.math.BigDecimal("19.99"), null, null)).value())
                .isEqualByComparingTo("21.99");
        var quantity = PoliciesController.quantityRule(params);
        assertThat(quantity.calculate(new dev.omnisync.policy.StockInputs(12, 2)).arithmetic())
                .isEqualTo("on hand 12 − reserved 2 = 10 → ×80% = 8 → cap 5 = 5 → buffer 1 = 4");
        params.set("rounding", "SOMETIMES");
        assertThatThrownBy(() -> PoliciesController.priceRule(params)).hasMessageContaining("'Rounding'");
    }

    @Test
    void percentilesOfTheDashboardAreNearestRank() {
        assertThat(DashboardController.percentile(List.of(), 50)).isNull();
        assertThat(DashboardController.percentile(List.of(5L), 99)).isEqualTo(5L);
        List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(DashboardController.percentile(hundred, 50)).isEqualTo(50L);
        assertThat(DashboardController.percentile(hundred, 99)).isEqualTo(99L);
    }
}
