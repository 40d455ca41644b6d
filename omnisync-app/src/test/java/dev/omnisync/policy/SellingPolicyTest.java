package dev.omnisync.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnisync.channel.Channel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SellingPolicyTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static PriceRule price(PriceSource source, Rounding rounding, String rate, String vat, PriceModifier... modifiers) {
        return new PriceRule(source, List.of(modifiers), rounding, d(rate), d(vat));
    }

    private static QuantityRule quantity(int percentage, Integer min, Integer max, int buffer) {
        return new QuantityRule(QuantitySource.PRODUCT, null, percentage, min, max, buffer);
    }

    @Test
    void quantityWritesTheSpecsArithmetic() {
        var q = quantity(80, null, 5, 1).calculate(new StockInputs(12, 2));
        assertThat(q.value()).isEqualTo(4);
        assertThat(q.arithmetic()).isEqualTo("on hand 12 − reserved 2 = 10 → ×80% = 8 → cap 5 = 5 → buffer 1 = 4");
    }

    @Test
    void identityQuantityIsTheAvailableStock() {
        var q = QuantityRule.IDENTITY.calculate(new StockInputs(7, 3));
        assertThat(q.value()).isEqualTo(4);
        assertThat(q.arithmetic()).isEqualTo("on hand 7 − reserved 3 = 4");
    }

    @Test
    void reservedAboveOnHandGivesZeroNotNegative() {
        assertThat(QuantityRule.IDENTITY.calculate(new StockInputs(1, 5)).value()).isZero();
    }

    @Test
    void percentageRoundsDown() {
        assertThat(quantity(50, null, null, 0).calculate(new StockInputs(5, 0)).value()).isEqualTo(2);
        assertThat(quantity(0, null, null, 0).calculate(new StockInputs(500, 0)).value()).isZero();
    }

    @Test
    void bufferNeverGoesBelowZero() {
        var q = quantity(100, null, null, 10).calculate(new StockInputs(3, 0));
        assertThat(q.value()).isZero();
        assertThat(q.arithmetic()).isEqualTo("on hand 3 − reserved 0 = 3 → buffer 10 = 0");
    }

    @Test
    void belowMinimumPostsZero() {
        var q = quantity(100, 5, null, 0).calculate(new StockInputs(4, 0));
        assertThat(q.value()).isZero();
        assertThat(q.arithmetic()).isEqualTo("on hand 4 − reserved 0 = 4 → below min 5 = 0");
        assertThat(quantity(100, 5, null, 0).calculate(new StockInputs(5, 0)).value()).isEqualTo(5);
    }

    @Test
    void fixedQuantityIgnoresStockButStillCapsAndBuffers() {
        var rule = new QuantityRule(QuantitySource.FIXED, 10, 100, null, 8, 2);
        var q = rule.calculate(new StockInputs(0, 0));
        assertThat(q.value()).isEqualTo(6);
        assertThat(q.arithmetic()).isEqualTo("fixed 10 → cap 8 = 8 → buffer 2 = 6");
    }

    @Test
    void quantitySettingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> quantity(101, null, null, 0)).hasMessageContaining("percentage");
        assertThatThrownBy(() -> quantity(-1, null, null, 0)).hasMessageContaining("percentage");
        assertThatThrownBy(() -> quantity(100, null, null, -1)).hasMessageContaining("buffer");
        assertThatThrownBy(() -> quantity(100, 6, 5, 0)).hasMessageContaining("minPosted (6) cannot be above quantity.maxPosted (5)");
        assertThatThrownBy(() -> quantity(100, -1, null, 0)).hasMessageContaining("minPosted");
        assertThatThrownBy(() -> quantity(100, null, -1, 0)).hasMessageContaining("maxPosted");
        assertThatThrownBy(() -> new QuantityRule(QuantitySource.FIXED, null, 100, null, null, 0)).hasMessageContaining("fixedValue");
        assertThatThrownBy(() -> new QuantityRule(QuantitySource.PRODUCT, 3, 100, null, null, 0)).hasMessageContaining("fixedValue");
        assertThatThrownBy(() -> new QuantityRule(null, null, 100, null, null, 0)).hasMessageContaining("quantity.source");
    }

    @Test
    void identityPriceIsTheStorePrice() {
        var p = PriceRule.IDENTITY.calculate(new PriceInputs(d("19.99"), d("15"), d("25")));
        assertThat(p.value()).isEqualByComparingTo("19.99");
        assertThat(p.value().scale()).isEqualTo(2);
        assertThat(p.arithmetic()).isEqualTo("price 19.99");
    }

    @Test
    void priceAppliesRateThenVatThenModifiersInOrderThenRounding() {
        var rule = price(PriceSource.PRICE, Rounding.END_99, "1.1", "19",
                new PriceModifier(PriceModifier.Kind.PERCENT, d("10")), new PriceModifier(PriceModifier.Kind.FIXED, d("-2")));
        var p = rule.calculate(new PriceInputs(d("10.00"), null, null));
        // 10.00 ×1.1 = 11.00, +19% = 13.09, +10% = 14.40 (14.399), −2 = 12.40, → 12.99
        assertThat(p.value()).isEqualByComparingTo("12.99");
        assertThat(p.arithmetic()).isEqualTo("price 10.00 → ×1.1 rate = 11.00 → +19% VAT = 13.09 → +10% = 14.40 → −2 = 12.40 → round to x.99 = 12.99");
    }

    @Test
    void salePriceIsUsedWhenSetElseThePrice() {
        var rule = price(PriceSource.SALE_PRICE, Rounding.NONE, "1", "0");
        assertThat(rule.calculate(new PriceInputs(d("20"), d("15.50"), null)).value()).isEqualByComparingTo("15.50");
        var fallback = rule.calculate(new PriceInputs(d("20"), null, null));
        assertThat(fallback.value()).isEqualByComparingTo("20.00");
        assertThat(fallback.arithmetic()).isEqualTo("no sale price, price 20.00");
    }

    @Test
    void msrpIsUsedWhenSetElseThePrice() {
        var rule = price(PriceSource.MSRP, Rounding.NONE, "1", "0");
        assertThat(rule.calculate(new PriceInputs(d("20"), null, d("29.90"))).arithmetic()).isEqualTo("MSRP 29.90");
        assertThat(rule.calculate(new PriceInputs(d("20"), null, null)).value()).isEqualByComparingTo("20");
    }

    @Test
    void noStorePriceGivesNoValueButSaysWhy() {
        var p = PriceRule.IDENTITY.calculate(new PriceInputs(null, null, null));
        assertThat(p.value()).isNull();
        assertThat(p.arithmetic()).isEqualTo("no price in the store");
    }

    @Test
    void modifiersNeverTakeThePriceBelowZero() {
        var rule = price(PriceSource.PRICE, Rounding.NONE, "1", "0", new PriceModifier(PriceModifier.Kind.FIXED, d("-50")),
                new PriceModifier(PriceModifier.Kind.FIXED, d("3")));
        var p = rule.calculate(new PriceInputs(d("10"), null, null));
        assertThat(p.value()).isEqualByComparingTo("3.00");
        assertThat(p.arithmetic()).isEqualTo("price 10.00 → −50 = -40.00 → not below 0 = 0.00 → +3 = 3.00");
    }

    @Test
    void everyRoundingMode() {
        assertThat(Rounding.NONE.apply(d("12.345"))).isEqualByComparingTo("12.35");
        assertThat(Rounding.END_99.apply(d("12.34"))).isEqualByComparingTo("12.99");
        assertThat(Rounding.END_99.apply(d("12.99"))).isEqualByComparingTo("12.99");
        assertThat(Rounding.END_99.apply(d("13.00"))).isEqualByComparingTo("13.99");
        assertThat(Rounding.END_X9.apply(d("12.34"))).isEqualByComparingTo("12.39");
        assertThat(Rounding.END_X9.apply(d("12.39"))).isEqualByComparingTo("12.39");
        assertThat(Rounding.END_X9.apply(d("12.40"))).isEqualByComparingTo("12.49");
        assertThat(Rounding.WHOLE.apply(d("12.49"))).isEqualByComparingTo("12.00");
        assertThat(Rounding.WHOLE.apply(d("12.50"))).isEqualByComparingTo("13.00");
        for (Rounding r : Rounding.values()) {
            assertThat(r.apply(d("7.1")).scale()).as(r.name()).isEqualTo(2);
        }
    }

    @Test
    void priceSettingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> price(PriceSource.PRICE, Rounding.NONE, "0", "0")).hasMessageContaining("currencyRate");
        assertThatThrownBy(() -> price(PriceSource.PRICE, Rounding.NONE, "-1", "0")).hasMessageContaining("currencyRate");
        assertThatThrownBy(() -> price(PriceSource.PRICE, Rounding.NONE, "1", "-1")).hasMessageContaining("vatPercent");
        assertThatThrownBy(() -> price(PriceSource.PRICE, Rounding.NONE, "1", "101")).hasMessageContaining("vatPercent");
        assertThatThrownBy(() -> new PriceModifier(PriceModifier.Kind.PERCENT, d("-101"))).hasMessageContaining("100%");
        assertThatThrownBy(() -> new PriceModifier(null, d("1"))).hasMessageContaining("kind");
        assertThatThrownBy(() -> new PriceModifier(PriceModifier.Kind.FIXED, null)).hasMessageContaining("value");
        assertThatThrownBy(() -> new PriceRule(null, List.of(), Rounding.NONE, d("1"), d("0"))).hasMessageContaining("price.source");
        assertThatThrownBy(() -> new PriceRule(PriceSource.PRICE, List.of(), null, d("1"), d("0"))).hasMessageContaining("price.rounding");
    }

    @Test
    void sellingPolicyDelegatesToItsRules() {
        var policy = new SellingPolicy(1, Channel.EBAY, "  Shop  ", PriceRule.IDENTITY, quantity(80, null, 5, 1), false, 1);
        assertThat(policy.name()).isEqualTo("Shop");
        assertThat(policy.quantity(new StockInputs(12, 2)).value()).isEqualTo(4);
        assertThat(policy.price(new PriceInputs(d("3"), null, null)).value()).isEqualByComparingTo("3");
        assertThatThrownBy(() -> new SellingPolicy(1, Channel.EBAY, " ", null, null, false, 1)).hasMessageContaining("name");
        assertThatThrownBy(() -> new SellingPolicy(1, null, "x", null, null, false, 1)).hasMessageContaining("channel");
    }
}
