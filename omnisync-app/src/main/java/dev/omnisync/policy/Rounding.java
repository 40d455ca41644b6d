package dev.omnisync.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a computed price is rounded at the end. Every mode is idempotent (rounding a rounded price changes
 * nothing) and never makes a non-negative price negative. Prices carry two decimals.
 */
public enum Rounding {
    /** Two decimals, half up. */
    NONE("no rounding"),
    /** Up to the next x.99 (12.34 → 12.99; 12.99 stays). */
    END_99("to x.99"),
    /** Up to the next x.x9 (12.34 → 12.39; 12.39 stays). */
    END_X9("to x.x9"),
    /** To the nearest whole amount, half up (12.49 → 12.00, 12.50 → 13.00). */
    WHOLE("to whole");

    private static final BigDecimal NINETY_NINE_CENTS = new BigDecimal("0.99");
    private static final BigDecimal NINE_CENTS = new BigDecimal("0.09");

    private final String description;

    Rounding(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Rounds a non-negative amount. */
    public BigDecimal apply(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        return switch (this) {
            case NONE -> cents;
            case END_99 -> cents.setScale(0, RoundingMode.FLOOR).add(NINETY_NINE_CENTS);
            case END_X9 -> cents.setScale(1, RoundingMode.FLOOR).add(NINE_CENTS);
            case WHOLE -> cents.setScale(0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
        };
    }
}
