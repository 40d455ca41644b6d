package dev.omnisync.policy;

/**
 * The quantity half of a Selling Policy, applied in this order: source (available stock = on hand −
 * reserved, or a fixed number) → × percentage (rounded down) → cap at maxPosted → minus the safety
 * buffer → 0 when below minPosted. The result is never negative and never above maxPosted.
 *
 * @param fixedValue the quantity when {@code source} is FIXED (null otherwise)
 * @param percentage 0 to 100: the share of the source that is offered
 * @param minPosted  below this many the channel gets 0 (null = no minimum)
 * @param maxPosted  never more than this many (null = no cap)
 * @param buffer     units held back (oversell protection), 0 or more
 */
public record QuantityRule(QuantitySource source, Integer fixedValue, int percentage, Integer minPosted, Integer maxPosted,
        int buffer) {

    /** The product's available stock as it is. */
    public static final QuantityRule IDENTITY = new QuantityRule(QuantitySource.PRODUCT, null, 100, null, null, 0);

    public QuantityRule {
        if (source == null) {
            throw new IllegalArgumentException("quantity.source is required: PRODUCT or FIXED.");
        }
        if (source == QuantitySource.FIXED && (fixedValue == null || fixedValue < 0)) {
            throw new IllegalArgumentException("quantity.fixedValue must be 0 or more when quantity.source is FIXED (was " + fixedValue + ").");
        }
        if (source == QuantitySource.PRODUCT && fixedValue != null) {
            throw new IllegalArgumentException("quantity.fixedValue is only for quantity.source FIXED; leave it out for PRODUCT.");
        }
        if (percentage < 0 || percentage > 100) {
            throw new IllegalArgumentException("quantity.percentage must be between 0 and 100 (was " + percentage + ").");
        }
        if (buffer < 0) {
            throw new IllegalArgumentException("quantity.buffer must be 0 or more (was " + buffer + ").");
        }
        if (minPosted != null && minPosted < 0) {
            throw new IllegalArgumentException("quantity.minPosted must be 0 or more (was " + minPosted + ").");
        }
        if (maxPosted != null && maxPosted < 0) {
            throw new IllegalArgumentException("quantity.maxPosted must be 0 or more (was " + maxPosted + ").");
        }
        if (minPosted != null && maxPosted != null && minPosted > maxPosted) {
            throw new IllegalArgumentException("quantity.minPosted (" + minPosted + ") cannot be above quantity.maxPosted (" + maxPosted + ").");
        }
    }

    /** The quantity to send, with its arithmetic. */
    public Calculated<Integer> calculate(StockInputs stock) {
        StringBuilder trail = new StringBuilder();
        long value;
        if (source == QuantitySource.FIXED) {
            value = fixedValue;
            trail.append("fixed ").append(value);
        } else {
            value = Math.max(0L, (long) stock.onHand() - stock.reserved());
            trail.append("on hand ").append(stock.onHand()).append(" − reserved ").append(stock.reserved()).append(" = ").append(value);
        }
        if (percentage != 100) {
            value = value * percentage / 100;
            trail.append(" → ×").append(percentage).append("% = ").append(value);
        }
        if (maxPosted != null) {
            value = Math.min(value, maxPosted);
            trail.append(" → cap ").append(maxPosted).append(" = ").append(value);
        }
        if (buffer > 0) {
            value = Math.max(0L, value - buffer);
            trail.append(" → buffer ").append(buffer).append(" = ").append(value);
        }
        if (minPosted != null && value > 0 && value < minPosted) {
            value = 0;
            trail.append(" → below min ").append(minPosted).append(" = 0");
        }
        return new Calculated<>((int) value, trail.toString());
    }
}
