package dev.omnisync.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The price half of a Selling Policy: start from a store price, convert with the currency rate, add VAT,
 * apply the modifiers in order, round. Each step is rounded to cents so that the written arithmetic adds
 * up exactly as shown.
 *
 * @param currencyRate store currency → channel currency, greater than 0 (1 = same currency)
 * @param vatPercent   VAT added on top, 0 to 100 (0 = prices already include it, or none)
 */
public record PriceRule(PriceSource source, List<PriceModifier> modifiers, Rounding rounding, BigDecimal currencyRate,
        BigDecimal vatPercent) {

    static final int MAX_MODIFIERS = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The store's price as it is: regular price, no modifiers, no rounding, same currency, no VAT. */
    public static final PriceRule IDENTITY = new PriceRule(PriceSource.PRICE, List.of(), Rounding.NONE, BigDecimal.ONE, BigDecimal.ZERO);

    public PriceRule {
        if (source == null) {
            throw new IllegalArgumentException("price.source is required: PRICE, SALE_PRICE or MSRP.");
        }
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        if (modifiers.size() > MAX_MODIFIERS) {
            throw new IllegalArgumentException("price.modifiers takes at most " + MAX_MODIFIERS + " steps (was " + modifiers.size() + ").");
        }
        if (rounding == null) {
            throw new IllegalArgumentException("price.rounding is required: NONE, END_99, END_X9 or WHOLE.");
        }
        if (currencyRate == null || currencyRate.signum() <= 0 || currencyRate.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new IllegalArgumentException("price.currencyRate must be greater than 0 and at most 1000000 (was "
                    + (currencyRate == null ? "null" : currencyRate.toPlainString()) + ").");
        }
        if (vatPercent == null || vatPercent.signum() < 0 || vatPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("price.vatPercent must be between 0 and 100 (was "
                    + (vatPercent == null ? "null" : vatPercent.toPlainString()) + ").");
        }
    }

    /** The price to send, never negative, two decimals, with its arithmetic. */
    public Calculated<BigDecimal> calculate(PriceInputs inputs) {
        StringBuilder trail = new StringBuilder();
        BigDecimal value = start(inputs, trail);
        if (value == null) {
            return new Calculated<>(null, trail.toString());
        }
        if (currencyRate.compareTo(BigDecimal.ONE) != 0) {
            value = cents(value.multiply(currencyRate));
            trail.append(" → ×").append(currencyRate.stripTrailingZeros().toPlainString()).append(" rate = ").append(value.toPlainString());
        }
        if (vatPercent.signum() != 0) {
            value = cents(value.add(value.multiply(vatPercent).divide(HUNDRED)));
            trail.append(" → +").append(vatPercent.stripTrailingZeros().toPlainString()).append("% VAT = ").append(value.toPlainString());
        }
        for (PriceModifier modifier : modifiers) {
            BigDecimal v = modifier.value();
            if (modifier.kind() == PriceModifier.Kind.PERCENT) {
                value = cents(value.add(value.multiply(v).divide(HUNDRED)));
                trail.append(" → ").append(signed(v)).append("% = ").append(value.toPlainString());
            } else {
                value = cents(value.add(v));
                trail.append(" → ").append(signed(v)).append(" = ").append(value.toPlainString());
            }
            if (value.signum() < 0) {
                value = BigDecimal.ZERO.setScale(2);
                trail.append(" → not below 0 = 0.00");
            }
        }
        if (rounding != Rounding.NONE) {
            value = rounding.apply(value);
            trail.append(" → round ").append(rounding.description()).append(" = ").append(value.toPlainString());
        }
        return new Calculated<>(value, trail.toString());
    }

    private BigDecimal start(PriceInputs inputs, StringBuilder trail) {
        BigDecimal price = inputs.price();
        switch (source) {
            case SALE_PRICE -> {
                if (inputs.salePrice() != null) {
                    trail.append("sale price ").append(cents(inputs.salePrice()).toPlainString());
                    return cents(inputs.salePrice());
                }
                trail.append("no sale price, ");
            }
            case MSRP -> {
                if (inputs.msrp() != null) {
                    trail.append("MSRP ").append(cents(inputs.msrp()).toPlainString());
                    return cents(inputs.msrp());
                }
                trail.append("no MSRP, ");
            }
            case PRICE -> {
            }
        }
        if (price == null) {
            trail.append("no price in the store");
            return null;
        }
        trail.append("price ").append(cents(price).toPlainString());
        return cents(price);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String signed(BigDecimal v) {
        String plain = v.stripTrailingZeros().toPlainString();
        return v.signum() < 0 ? "−" + plain.substring(1) : "+" + plain;
    }
}
