package dev.omnisync.channel.spi;

import dev.omnisync.channel.FieldKey;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One listing's changed fields, as the dispatcher hands them to a connector. Only the fields named in
 * {@link #fields()} are sent; {@link #values()} may hold more (channels whose content calls replace a whole
 * object keep what they read from the channel for the rest).
 *
 * @param listingId      the listing in Omnisync (outcomes are keyed by it)
 * @param sku            the seller SKU
 * @param channelRef     the channel's id of the offer: eBay offerId, Amazon ASIN, Walmart WPID, Kaufland id_unit
 * @param productRef     the channel's parent/product id that groups variants (TikTok Shop product, Temu goods); may be null
 * @param fields         the fields to send
 * @param values         the values for those fields (the Selling Policy's output)
 * @param onlineQuantity the quantity the channel holds now, when known: lets a connector recognise an urgent
 *                       quantity cut (Walmart sends small cuts through its single-item path); may be null
 */
public record ItemUpdate(long listingId, String sku, String channelRef, String productRef, Set<FieldKey> fields,
        OfferValues values, Integer onlineQuantity) {

    public ItemUpdate {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(values, "values");
        fields = fields == null || fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    /** An update without a known online quantity. */
    public ItemUpdate(long listingId, String sku, String channelRef, String productRef, Set<FieldKey> fields, OfferValues values) {
        this(listingId, sku, channelRef, productRef, fields, values, null);
    }

    /** Whether the field is to be sent. */
    public boolean sends(FieldKey field) {
        return fields.contains(field);
    }

    /** Whether this update only lowers the quantity (a sale or a stock cut: the most urgent kind of change). */
    public boolean isQuantityCut() {
        return fields.equals(Set.of(FieldKey.QUANTITY)) && values.quantity() != null && onlineQuantity != null
                && values.quantity() < onlineQuantity;
    }
}
