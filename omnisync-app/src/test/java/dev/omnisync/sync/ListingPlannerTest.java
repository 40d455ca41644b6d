package dev.omnisync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.ProductField;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.policy.PriceRule;
import dev.omnisync.policy.QuantityRule;
import dev.omnisync.policy.QuantitySource;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SynchronizationPolicy;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingPlannerTest {

    private static final SellingPolicy IDENTITY = SellingPolicy.identity(Channel.EBAY, "identity");

    @Test
    void aNewListingSendsEveryEnabledFieldTheStoreCanFill() {
        ListingPlan plan = ListingPlanner.plan(listing(Channel.EBAY, Map.of()), sync(Channel.EBAY, FieldKey.PRICE, FieldKey.QUANTITY,
                FieldKey.TITLE), IDENTITY, product(12, 2, "19.99"));
        assertThat(plan.dirty()).containsExactlyInAnyOrder(FieldKey.PRICE, FieldKey.QUANTITY, FieldKey.TITLE);
        assertThat(plan.field(FieldKey.QUANTITY).desired().value()).isEqualTo(10);
        assertThat(plan.field(FieldKey.QUANTITY).desired().arithmetic()).contains("on hand 12").contains("reserved 2");
        assertThat(plan.field(FieldKey.DESCRIPTION).verdict()).isEqualTo(FieldPlan.Verdict.SKIP);
        assertThat(plan.field(FieldKey.DESCRIPTION).reasons().get(0)).contains("does not enable DESCRIPTION");
    }

    @Test
    void valuesTheChannelAlreadyHasAreNotSentAgain() {
        Map<FieldKey, String> online = Map.of(FieldKey.PRICE, "19.99", FieldKey.QUANTITY, "10");
        ListingPlan plan = ListingPlanner.plan(listing(Channel.EBAY, online), sync(Channel.EBAY, FieldKey.PRICE, FieldKey.QUANTITY),
                IDENTITY, product(12, 2, "19.990"));
        assertThat(plan.dirty()).isEmpty();
        assertThat(plan.field(FieldKey.PRICE).verdict()).isEqualTo(FieldPlan.Verdict.UP_TO_DATE);
    }

    @Test
    void inventorySyncOffHoldsQuantityButNotPrice() {
        ListingSnapshot l = listing(Channel.EBAY, Map.of(), false, PriceOwner.STORE, PriceOwner.STORE, null);
        ListingPlan plan = ListingPlanner.plan(l, sync(Channel.EBAY, FieldKey.PRICE, FieldKey.QUANTITY), IDENTITY, product(5, 0, "3.00"));
        assertThat(plan.dirty()).containsExactly(FieldKey.PRICE);
        assertThat(plan.field(FieldKey.QUANTITY).reasons()).containsExactly("inventory sync is off for this listing");
    }

    @Test
    void aRepricerOnTheListingOrTheAccountHoldsPrice() {
        for (var owners : List.of(List.of(PriceOwner.REPRICER, PriceOwner.STORE), List.of(PriceOwner.STORE, PriceOwner.REPRICER))) {
            ListingSnapshot l = listing(Channel.EBAY, Map.of(), true, owners.get(0), owners.get(1), null);
            ListingPlan plan = ListingPlanner.plan(l, sync(Channel.EBAY, FieldKey.PRICE, FieldKey.QUANTITY), IDENTITY, product(5, 0, "3.00"));
            assertThat(plan.dirty()).containsExactly(FieldKey.QUANTITY);
            assertThat(plan.field(FieldKey.PRICE).reasons().get(0)).contains("repricer");
        }
    }

    @Test
    void amazonContentUnderAForeignAsinStaysWhilePriceAndQuantityFlow() {
        SynchronizationPolicy everything = sync(Channel.AMAZON, FieldKey.PRICE, FieldKey.QUANTITY, FieldKey.TITLE,
                FieldKey.DESCRIPTION, FieldKey.IMAGES, FieldKey.GPSR, FieldKey.ATTRIBUTES);
        SellingPolicy amazon = SellingPolicy.identity(Channel.AMAZON, "identity");
        ListingPlan foreign = ListingPlanner.plan(listing(Channel.AMAZON, Map.of(), true, PriceOwner.STORE, PriceOwner.STORE, false),
                everything, amazon, product(5, 0, "3.00"));
        assertThat(foreign.dirty()).containsExactlyInAnyOrder(FieldKey.PRICE, FieldKey.QUANTITY);
        assertThat(foreign.field(FieldKey.TITLE).reasons().get(0)).contains("ASIN");

        ListingPlan own = ListingPlanner.plan(listing(Channel.AMAZON, Map.of(), true, PriceOwner.STORE, PriceOwner.STORE, true),
                everything, amazon, product(5, 0, "3.00"));
        assertThat(own.dirty()).contains(FieldKey.TITLE, FieldKey.DESCRIPTION, FieldKey.IMAGES);
    }

    @Test
    void aDisabledProductPostsZero() {
        Map<ProductField, Object> values = new EnumMap<>(ProductField.class);
        values.put(ProductField.QUANTITY, 8);
        values.put(ProductField.ENABLED, false);
        values.put(ProductField.PRICE, new BigDecimal("2.00"));
        ListingPlan plan = ListingPlanner.plan(listing(Channel.OTTO, Map.of(FieldKey.QUANTITY, "8")),
                sync(Channel.OTTO, FieldKey.QUANTITY), SellingPolicy.identity(Channel.OTTO, "i"), Product.of("SKU-1", values, 0, 1, null));
        assertThat(plan.field(FieldKey.QUANTITY).desired().value()).isEqualTo(0);
        assertThat(plan.priority(3)).isZero();
    }

    @Test
    void priorityPutsCutsToLowStockFirstThenQuantityThenPriceThenContent() {
        SynchronizationPolicy all = sync(Channel.EBAY, FieldKey.PRICE, FieldKey.QUANTITY, FieldKey.TITLE);
        assertThat(ListingPlanner.plan(listing(Channel.EBAY, Map.of(FieldKey.QUANTITY, "9")), all, IDENTITY, product(2, 0, "1.00"))
                .priority(3)).isZero();
        assertThat(ListingPlanner.plan(listing(Channel.EBAY, Map.of(FieldKey.QUANTITY, "9")), all, IDENTITY, product(20, 0, "1.00"))
                .priority(3)).isEqualTo(1);
        assertThat(ListingPlanner.plan(listing(Channel.EBAY, Map.of(FieldKey.QUANTITY, "20")), all, IDENTITY, product(20, 0, "1.00"))
                .priority(3)).isEqualTo(2);
        assertThat(ListingPlanner.plan(listing(Channel.EBAY, Map.of(FieldKey.QUANTITY, "20", FieldKey.PRICE, "1.00")), all, IDENTITY,
                product(20, 0, "1.00")).priority(3)).isEqualTo(3);
    }

    @Test
    void sellingPolicyShapesWhatIsPlanned() {
        SellingPolicy capped = new SellingPolicy(7, Channel.EBAY, "capped", PriceRule.IDENTITY,
                new QuantityRule(QuantitySource.PRODUCT, null, 80, null, 5, 1), false, 1);
        ListingPlan plan = ListingPlanner.plan(listing(Channel.EBAY, Map.of()), sync(Channel.EBAY, FieldKey.QUANTITY), capped,
                product(12, 2, "1.00"));
        assertThat(plan.field(FieldKey.QUANTITY).desired().value()).isEqualTo(4);
        assertThat(plan.field(FieldKey.QUANTITY).desired().arithmetic())
                .isEqualTo("on hand 12 − reserved 2 = 10 → ×80% = 8 → cap 5 = 5 → buffer 1 = 4");
    }

    /** Seeded random cases: a field is sent only if enabled, passes its gates and differs from the channel's value. */
    @Test
    void neverSendsAFieldAGateHoldsOrTheChannelHas() {
        long seed = Long.getLong("planner.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            Set<FieldKey> fields = EnumSet.noneOf(FieldKey.class);
            for (FieldKey k : ListingPlanner.offered(channel)) {
                if (random.nextBoolean()) {
                    fields.add(k);
                }
            }
            boolean inventorySync = random.nextBoolean();
            PriceOwner owner = random.nextBoolean() ? PriceOwner.STORE : PriceOwner.REPRICER;
            Boolean asin = channel == Channel.AMAZON ? random.nextBoolean() : null;
            Map<FieldKey, String> online = new HashMap<>();
            if (random.nextBoolean()) {
                online.put(FieldKey.QUANTITY, Integer.toString(random.nextInt(20)));
            }
            ListingSnapshot l = listing(channel, online, inventorySync, owner, PriceOwner.STORE, asin);
            ListingPlan plan = ListingPlanner.plan(l, new SynchronizationPolicy(1, channel, "p", fields, false, 1),
                    SellingPolicy.identity(channel, "i"), product(random.nextInt(20), 0, "1.00"));
            for (FieldKey sent : plan.dirty()) {
                String context = "seed " + seed + " case " + i + " " + channel + " " + sent;
                assertThat(fields).as(context).contains(sent);
                assertThat(sent == FieldKey.QUANTITY && !inventorySync).as(context).isFalse();
                assertThat(sent == FieldKey.PRICE && owner == PriceOwner.REPRICER).as(context).isFalse();
                assertThat(ListingPlanner.ASIN_CONTROLLED.contains(sent) && channel == Channel.AMAZON && !asin).as(context).isFalse();
                assertThat(plan.field(sent).desired().fingerprint()).as(context).isNotEqualTo(online.get(sent));
            }
        }
    }

    static SynchronizationPolicy sync(Channel channel, FieldKey... fields) {
        return new SynchronizationPolicy(1, channel, "test policy", EnumSet.copyOf(List.of(fields)), false, 1);
    }

    static ListingSnapshot listing(Channel channel, Map<FieldKey, String> online) {
        return listing(channel, online, true, PriceOwner.STORE, PriceOwner.STORE, channel == Channel.AMAZON ? Boolean.FALSE : null);
    }

    static ListingSnapshot listing(Channel channel, Map<FieldKey, String> online, boolean inventorySync, PriceOwner listingOwner,
            PriceOwner accountOwner, Boolean asinOwner) {
        return new ListingSnapshot(1, 10, 100, channel, "SKU-1", "ref", 1, 1, inventorySync, listingOwner, accountOwner, asinOwner,
                ListingSnapshot.ACTIVE, null, online);
    }

    static Product product(int onHand, int reserved, String price) {
        Map<ProductField, Object> values = new EnumMap<>(ProductField.class);
        values.put(ProductField.QUANTITY, onHand);
        values.put(ProductField.PRICE, new BigDecimal(price));
        values.put(ProductField.TITLE, "Red mug");
        values.put(ProductField.DESCRIPTION, "A mug");
        values.put(ProductField.IMAGES, List.of("https://img.example.com/1.jpg"));
        return Product.of("SKU-1", values, reserved, 1, null);
    }
}
