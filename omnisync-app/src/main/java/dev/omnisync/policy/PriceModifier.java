package dev.omnisync.policy;

import java.math.BigDecimal;

/**
 * One step applied to the price after currency and VAT: {@code PERCENT 10} adds 10 %, {@code PERCENT -5}
 * takes 5 % off, {@code FIXED 2.50} adds 2.50, {@code FIXED -1} takes 1 off.
 */
public record PriceModifier(Kind kind, BigDecimal value) {

    public enum Kind {
        PERCENT, FIXED
    }

    public PriceModifier {
        if (kind == null) {
            throw new IllegalArgumentException("A price modifier needs a kind: PERCENT or FIXED.");
        }
        if (value == null) {
            throw new IllegalArgumentException("A price modifier needs a value.");
        }
        if (kind == Kind.PERCENT && value.compareTo(BigDecimal.valueOf(-100)) < 0) {
            throw new IllegalArgumentException("A PERCENT modifier cannot take off more than 100% (was " + value.toPlainString() + ").");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new IllegalArgumentException("A price modifier's value must be within ±1000000 (was " + value.toPlainString() + ").");
        }
    }
}
