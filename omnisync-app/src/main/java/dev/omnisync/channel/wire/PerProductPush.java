package dev.omnisync.channel.wire;

import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ItemUpdate;
import dev.omnisync.channel.spi.MissingCredential;
import dev.omnisync.channel.spi.OfferValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The push loop of channels whose stock, price and content calls each address one product (TikTok Shop's product,
 * Temu's goods) with several of its SKUs: items without a product/SKU reference or with a non-positive price are
 * rejected up front; the rest are grouped by product in order of first appearance, and per product the stock, then
 * price, then content call is made for the items not failed so far. A refused or missing credential makes every
 * item RetryLater; items nothing went wrong for are accepted. What each call sends stays with the channel.
 *
 * @param <K> the channel's product key
 */
public final class PerProductPush<K> {

    /** The channel's calls for one product; each records its outcomes in the tally. */
    public interface ProductCalls<K> {

        void stock(K product, List<ItemUpdate> items, OutcomeTally tally);

        void prices(K product, List<ItemUpdate> items, OutcomeTally tally);

        void content(K product, List<ItemUpdate> items, OutcomeTally tally);
    }

    private final Function<ItemUpdate, K> productOf;
    private final Function<ItemUpdate, String> missingRef;
    private final Set<FieldKey> contentFields;

    /**
     * @param productOf     the item's product key, or null when its product/SKU reference cannot be told
     * @param missingRef    the MISSING_REF message for an item without a usable reference
     * @param contentFields the fields that go through the content call
     */
    public PerProductPush(Function<ItemUpdate, K> productOf, Function<ItemUpdate, String> missingRef, Set<FieldKey> contentFields) {
        this.productOf = productOf;
        this.missingRef = missingRef;
        this.contentFields = contentFields;
    }

    /** Groups items with a known product by product, keeping the order of first appearance. */
    public static <K> Map<K, List<ItemUpdate>> group(List<ItemUpdate> updates, Function<ItemUpdate, K> productOf) {
        Map<K, List<ItemUpdate>> out = new LinkedHashMap<>();
        for (ItemUpdate u : updates) {
            K key = productOf.apply(u);
            if (key != null) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
            }
        }
        return out;
    }

    /** The first non-null value of {@code field} among the items that send it (one product's content is one edit). */
    public static <T> T firstSent(List<ItemUpdate> items, FieldKey field, Function<OfferValues, T> value) {
        for (ItemUpdate u : items) {
            if (u.sends(field)) {
                T v = value.apply(u.values());
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Runs the calls for every product and returns the tally with one outcome per update. */
    public OutcomeTally push(List<ItemUpdate> updates, Duration credentialRetry, ProductCalls<K> calls) {
        OutcomeTally tally = new OutcomeTally(updates);
        for (ItemUpdate u : updates) {
            if (productOf.apply(u) == null) {
                tally.rejected(u.listingId(), "MISSING_REF", missingRef.apply(u));
            } else if (u.sends(FieldKey.PRICE) && (u.values().price() == null || u.values().price().signum() <= 0)) {
                tally.rejected(u.listingId(), "INVALID_PRICE", "price must be greater than 0");
            }
        }
        try {
            for (Map.Entry<K, List<ItemUpdate>> product : group(updates, productOf).entrySet()) {
                K key = product.getKey();
                List<ItemUpdate> items = product.getValue().stream().filter(u -> !tally.hasFailed(u.listingId())).toList();
                List<ItemUpdate> stock = items.stream().filter(u -> u.sends(FieldKey.QUANTITY) && u.values().quantity() != null).toList();
                if (!stock.isEmpty()) {
                    calls.stock(key, stock, tally);
                }
                List<ItemUpdate> prices = items.stream().filter(u -> u.sends(FieldKey.PRICE) && !tally.hasFailed(u.listingId())).toList();
                if (!prices.isEmpty()) {
                    calls.prices(key, prices, tally);
                }
                List<ItemUpdate> content = items.stream().filter(u -> u.fields().stream().anyMatch(contentFields::contains)
                        && !tally.hasFailed(u.listingId())).toList();
                if (!content.isEmpty()) {
                    calls.content(key, content, tally);
                }
            }
        } catch (CredentialsRefused | MissingCredential e) {
            updates.forEach(u -> tally.retryLater(u.listingId(), credentialRetry, e.getMessage()));
        }
        for (ItemUpdate u : updates) {
            if (!tally.hasFailed(u.listingId())) {
                tally.accepted(u.listingId(), Set.of());
            }
        }
        return tally;
    }
}
