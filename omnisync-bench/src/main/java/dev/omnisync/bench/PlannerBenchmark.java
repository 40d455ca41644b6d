package dev.omnisync.bench;

import dev.omnisync.catalog.Product;
import dev.omnisync.catalog.ProductField;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.policy.PriceModifier;
import dev.omnisync.policy.PriceRule;
import dev.omnisync.policy.PriceSource;
import dev.omnisync.policy.QuantityRule;
import dev.omnisync.policy.QuantitySource;
import dev.omnisync.policy.Rounding;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.sync.ListingPlan;
import dev.omnisync.sync.ListingPlanner;
import dev.omnisync.sync.ListingSnapshot;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Planner throughput for the pure part — Selling Policy arithmetic, diff against online values and the
 * gates — over 10,000 listings spread over the eight channels, against a same-run baseline that detects
 * change the naive way: serialise the whole product per listing and hash it, then compute price and
 * quantity anyway. Prints listings/s for both and the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(0)
public class PlannerBenchmark {

    static final int LISTINGS = 10_000;

    List<ListingSnapshot> listings;
    Product[] products;
    SynchronizationPolicy[] syncPolicies;
    SellingPolicy[] sellingPolicies;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        listings = new java.util.ArrayList<>(LISTINGS);
        products = new Product[LISTINGS];
        syncPolicies = new SynchronizationPolicy[Channel.values().length];
        sellingPolicies = new SellingPolicy[Channel.values().length];
        for (Channel c : Channel.values()) {
            EnumSet<FieldKey> fields = EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY);
            c.optionalFields().forEach(f -> fields.add(f.key()));
            syncPolicies[c.ordinal()] = new SynchronizationPolicy(c.ordinal() + 1, c, "all " + c, fields, false, 1);
            sellingPolicies[c.ordinal()] = new SellingPolicy(c.ordinal() + 1, c, "shaped " + c,
                    new PriceRule(PriceSource.SALE_PRICE, List.of(new PriceModifier(PriceModifier.Kind.PERCENT, new BigDecimal("8"))),
                            Rounding.END_99, new BigDecimal("1.1"), new BigDecimal("19")),
                    new QuantityRule(QuantitySource.PRODUCT, null, 80, 2, 50, 1), false, 1);
        }
        for (int i = 0; i < LISTINGS; i++) {
            Channel channel = Channel.values()[i % Channel.values().length];
            Map<ProductField, Object> v = new EnumMap<>(ProductField.class);
            v.put(ProductField.TITLE, "Product " + i);
            v.put(ProductField.DESCRIPTION, "Description of product " + i + " ".repeat(i % 50));
            v.put(ProductField.PRICE, new BigDecimal(random.nextInt(10_000)).movePointLeft(2));
            v.put(ProductField.QUANTITY, random.nextInt(100));
            v.put(ProductField.IMAGES, List.of("https://img.example.com/" + i + ".jpg"));
            v.put(ProductField.CATEGORY_PATH, List.of("Home", "Kitchen"));
            v.put(ProductField.ATTRIBUTES, Map.of("Color", List.of("Red")));
            products[i] = Product.of("SKU-" + i, v, random.nextInt(3), 1, null);
            Map<FieldKey, String> online = new HashMap<>();
            online.put(FieldKey.QUANTITY, Integer.toString(random.nextInt(100)));
            online.put(FieldKey.PRICE, "1.00");
            listings.add(new ListingSnapshot(1, i, channel.ordinal(), channel, "SKU-" + i, "ref-" + i, channel.ordinal() + 1,
                    channel.ordinal() + 1, random.nextInt(10) > 0, random.nextInt(10) > 0 ? PriceOwner.STORE : PriceOwner.REPRICER,
                    PriceOwner.STORE, channel == Channel.AMAZON ? random.nextBoolean() : null, ListingSnapshot.ACTIVE, null, online));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LISTINGS)
    public void planner(Blackhole bh) {
        for (int i = 0; i < LISTINGS; i++) {
            ListingSnapshot l = listings.get(i);
            ListingPlan plan = ListingPlanner.plan(l, syncPolicies[l.channel().ordinal()], sellingPolicies[l.channel().ordinal()], products[i]);
            bh.consume(plan.dirty());
        }
    }

    /** Baseline: hash the whole product's serialised form per listing to detect a change, then plan as well. */
    @Benchmark
    @OperationsPerInvocation(LISTINGS)
    public void naiveDocumentHashBaseline(Blackhole bh) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < LISTINGS; i++) {
            ListingSnapshot l = listings.get(i);
            bh.consume(sha.digest((products[i].toString() + l).getBytes(StandardCharsets.UTF_8)));
            ListingPlan plan = ListingPlanner.plan(l, syncPolicies[l.channel().ordinal()], sellingPolicies[l.channel().ordinal()], products[i]);
            bh.consume(plan.dirty());
        }
    }

    public static void main(String[] args) throws Exception {
        var results = new Runner(new OptionsBuilder().include(PlannerBenchmark.class.getSimpleName()).build()).run();
        double planner = 0;
        double baseline = 0;
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            if (r.getParams().getBenchmark().endsWith("planner")) {
                planner = score;
            } else {
                baseline = score;
            }
        }
        System.out.printf("%nplanner: %,.0f listings/s; naive document-hash baseline: %,.0f listings/s; ratio %.2fx%n",
                planner, baseline, planner / baseline);
    }
}
