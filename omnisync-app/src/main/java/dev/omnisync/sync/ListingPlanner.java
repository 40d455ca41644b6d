package dev.omnisync.sync;

import dev.omnisync.catalog.Product;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SynchronizationPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, field by field, what a listing needs: the desired value (Selling Policy), the gates in their
 * order — Synchronization Policy toggle, per-item inventory sync, repricer ownership, Amazon's ASIN rule —
 * and a comparison with what the channel last accepted. Pure, so explain, previews and the planner all
 * reach the same verdict.
 */
public final class ListingPlanner {

    /** The fields Amazon lets only the ASIN's creator or approved brand owner change. */
    static final Set<FieldKey> ASIN_CONTROLLED = EnumSet.of(FieldKey.TITLE, FieldKey.DESCRIPTION, FieldKey.IMAGES,
            FieldKey.GPSR, FieldKey.ATTRIBUTES);

    private ListingPlanner() {
    }

    public static ListingPlan plan(ListingSnapshot listing, SynchronizationPolicy sync, SellingPolicy selling, Product product) {
        Map<FieldKey, DesiredValue> desired = ChannelValues.of(listing.channel(), product, selling);
        List<FieldPlan> plans = new ArrayList<>();
        for (FieldKey field : offered(listing.channel())) {
            DesiredValue value = desired.get(field);
            String online = listing.online().get(field);
            List<String> held = gates(listing, sync, field);
            if (!held.isEmpty()) {
                plans.add(new FieldPlan(field, FieldPlan.Verdict.SKIP, value, online, held));
            } else if (value == null) {
                plans.add(new FieldPlan(field, FieldPlan.Verdict.SKIP, null, online,
                        List.of("the store has no value for " + field.name().toLowerCase() + " of " + product.sku())));
            } else if (value.fingerprint().equals(online)) {
                plans.add(new FieldPlan(field, FieldPlan.Verdict.UP_TO_DATE, value, online,
                        List.of("the channel already has this value")));
            } else {
                plans.add(new FieldPlan(field, FieldPlan.Verdict.SEND, value, online,
                        List.of(online == null ? "never sent to this listing" : "the store's value differs from the channel's")));
            }
        }
        return new ListingPlan(listing, plans);
    }

    /** Why a field is held back, in gate order; empty when every gate lets it through. */
    static List<String> gates(ListingSnapshot listing, SynchronizationPolicy sync, FieldKey field) {
        List<String> reasons = new ArrayList<>();
        if (!sync.enables(field)) {
            reasons.add("Synchronization Policy '" + sync.name() + "' does not enable " + field.name());
            return reasons;
        }
        if (field == FieldKey.QUANTITY && !listing.inventorySync()) {
            reasons.add("inventory sync is off for this listing");
        }
        if (field == FieldKey.PRICE) {
            if (listing.listingPriceOwner() == PriceOwner.REPRICER) {
                reasons.add("the listing's price is managed by a repricer");
            } else if (listing.accountPriceOwner() == PriceOwner.REPRICER) {
                reasons.add("the account's prices are managed by a repricer");
            }
        }
        if (listing.channel() == Channel.AMAZON && ASIN_CONTROLLED.contains(field) && !Boolean.TRUE.equals(listing.asinOwner())) {
            reasons.add("Amazon: the listing is under an ASIN the seller did not create and is not the brand owner of");
        }
        return reasons;
    }

    static List<FieldKey> offered(Channel channel) {
        List<FieldKey> keys = new ArrayList<>(List.of(FieldKey.PRICE, FieldKey.QUANTITY));
        channel.optionalFields().forEach(f -> keys.add(f.key()));
        return keys;
    }
}
