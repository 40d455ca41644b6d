package dev.omnisync.sync;

/**
 * What the store wants a channel field to be, after the Selling Policy.
 *
 * @param value       the typed value a connector sends (BigDecimal price, Integer quantity, String title, ...)
 * @param shown       a short human form for explain and previews ("12.99", "4", "Red mug, 350 ml")
 * @param fingerprint what is compared with the listing's online value: the value itself for price and
 *                    quantity, a content hash for the rest, so online values stay small
 * @param arithmetic  the Selling Policy's trail for price and quantity, else null
 */
public record DesiredValue(Object value, String shown, String fingerprint, String arithmetic) {
}
