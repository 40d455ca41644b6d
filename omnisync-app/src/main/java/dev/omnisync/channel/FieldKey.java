package dev.omnisync.channel;

/**
 * The Synchronization Policy toggles. {@link #PRICE} and {@link #QUANTITY} are offered (and recommended)
 * on every channel; which optional keys a channel offers is {@link Channel#optionalFields()}.
 */
public enum FieldKey {
    PRICE, QUANTITY,
    TITLE, DESCRIPTION, IMAGES, IDENTIFIERS, CATEGORIES, ATTRIBUTES, GPSR,
    SHIPPING_POLICY, RETURN_POLICY, FITMENT, OTHER;

    public boolean isRecommended() {
        return this == PRICE || this == QUANTITY;
    }
}
