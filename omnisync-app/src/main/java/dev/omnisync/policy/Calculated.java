package dev.omnisync.policy;

/**
 * A value a Selling Policy computed, with the arithmetic that produced it written out for people
 * (e.g. {@code on hand 12 − reserved 2 = 10 → ×80% = 8 → cap 5 = 5 → buffer 1 = 4}).
 *
 * @param value      the result; null only when the store has no input to compute it from
 * @param arithmetic every step from the source to the result
 */
public record Calculated<T>(T value, String arithmetic) {

    public Calculated {
        if (arithmetic == null) {
            throw new IllegalArgumentException("a calculation always explains itself");
        }
    }
}
