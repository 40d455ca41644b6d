package dev.omnisync.bench;

import dev.omnisync.OmnisyncApplication;
import dev.omnisync.catalog.ProductField;
import dev.omnisync.catalog.ProductWrite;
import dev.omnisync.catalog.Products;
import dev.omnisync.catalog.WriteOutcome;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelLimits;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.sync.ListingPlan;
import dev.omnisync.sync.ListingSnapshots;
import dev.omnisync.sync.Planner;
import dev.omnisync.workspace.WorkspaceId;
import dev.omnisync.workspace.Workspaces;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The sync engine under load, on the embedded PostgreSQL with the in-process sandbox marketplaces (no
 * artificial delays), each figure next to a baseline measured in the same run:
 * <ol type="a">
 * <li><b>re-plan</b> of every listing (default 100,000 products × 8 sandbox accounts = 800,000 listings)
 *     after a policy edit, with the listings already in sync so nothing is sent; baseline: the same planner
 *     code fed one listing at a time;</li>
 * <li><b>sustained product changes</b> (default 1,000/s for 60 s through {@link Products#write}) on a smaller
 *     linked set whose offers exist in the sandboxes (default 10,000 products on eBay and Kaufland): per channel
 *     change→accepted latency, calls against the minimum ceil(N/batch), 429s, heap; baseline: one call per
 *     change (computed).</li>
 * </ol>
 * <pre>
 * ./mvnw -B -o -q -pl omnisync-bench -am -DskipTests -Pbench \
 *     -Dbench.main=dev.omnisync.bench.SyncEngineLoadBenchmark \
 *     [-Dexec.args="products=100000 baseline=5000 rate=1000 seconds=60 linked=10000 channels=ebay,kaufland phases=ab"] package
 * </pre>
 * The service runs in this process (so the heap figure is this JVM's: Maven's, sized by {@code MAVEN_OPTS}) on
 * an embedded PostgreSQL in a temporary data directory, deleted afterwards.
 */
public final class SyncEngineLoadBenchmark {

    private static final String TOKEN = "bench-sync-load-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Which of a sandbox offer's {@code ids} is the channelRef the connector needs. */
    private static final Map<String, String> CHANNEL_REF = Map.of("ebay", "offerId", "kaufland", "id_unit", "mirakl", "offer_id",
            "walmart", "wpid", "tiktok", "sku_id", "temu", "skuId");

    /** OTTO's documented limit for {@code POST /v5/products/prices} (quantities: the channel's batch size, 200). */
    private static final int OTTO_PRICES_PER_CALL = 500;

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final int port;
    private final long ws;
    private final WorkspaceId workspace;
    private final Map<Channel, Long> accounts = new EnumMap<>(Channel.class);
    private final List<String> report = new ArrayList<>();

    private SyncEngineLoadBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        this.workspace = app.getBean(Workspaces.class).findByName("default").orElseThrow();
        this.ws = workspace.value();
        jdbc.sql("select channel, account_id from channel_account where workspace_id = ? and sandbox").param(ws)
                .query((rs, n) -> accounts.put(Channel.valueOf(rs.getString(1)), rs.getLong(2))).list();
        if (accounts.size() != Channel.values().length) {
            throw new IllegalStateException("expected the 8 sandbox accounts of the default workspace, found " + accounts.keySet());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("arguments are key=value: " + arg);
            }
            options.put(kv[0], kv[1]);
        }
        int products = Integer.parseInt(options.getOrDefault("products", "100000"));
        int baseline = Integer.parseInt(options.getOrDefault("baseline", "5000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int linked = Integer.parseInt(options.getOrDefault("linked", "10000"));
        List<Channel> channels = Stream.of(options.getOrDefault("channels", "ebay,kaufland").split(","))
                .map(slug -> Channel.parse(slug).orElseThrow(() -> new IllegalArgumentException("no channel " + slug)))
                .toList();
        String phases = options.getOrDefault("phases", "ab");
        boolean replanIndex = Boolean.parseBoolean(options.getOrDefault("replanIndex", "false"));

        Path dataDir = Files.createTempDirectory("omnisync-bench-");
        // as command-line arguments, so they win over application.yml (builder properties would only be defaults)
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OmnisyncApplication.class)
                .run("--omnisync.data-dir=" + dataDir, "--server.port=0", "--logging.file.name=", "--spring.main.banner-mode=off",
                        "--omnisync.api-token=" + TOKEN, "--omnisync.demo-catalog.enabled=false", "--logging.level.root=WARN")) {
            SyncEngineLoadBenchmark bench = new SyncEngineLoadBenchmark(app);
            bench.note("JVM max heap %,d MiB, %d processors; load average at start: %s", Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            if (phases.contains("a")) {
                bench.replan(products, baseline, replanIndex);
            }
            if (phases.contains("b")) {
                bench.changes(channels, linked, rate, seconds);
            }
            System.out.println();
            System.out.println("================ summary ================");
            bench.report.forEach(System.out::println);
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- (a)

    private void replan(int products, int baselineListings, boolean replanIndex) throws Exception {
        Planner planner = app.getBean(Planner.class);
        ListingSnapshots snapshots = app.getBean(ListingSnapshots.class);
        SyncPolicies syncPolicies = app.getBean(SyncPolicies.class);
        SellingPolicies sellingPolicies = app.getBean(SellingPolicies.class);
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));

        if (replanIndex) {
            // experiment, not the schema: what an index on the queue's order would save the planner's claim (a sort per chunk)
            jdbc.sql("create index if not exists bench_replan_by_requested_at on replan (requested_at)").update();
            note("(a) experiment: with an extra index replan (requested_at), created by the harness");
        }
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into product (workspace_id, sku, title, description, images, price, on_hand, reserved, brand, category_path)
                select ?, 'A-' || lpad(g::text, 7, '0'), 'Bench product ' || g,
                       'Description of bench product ' || g || ': cotton, machine-washable, made to last.',
                       array['https://img.example.com/a/' || g || '.jpg'], round(4.99 + (g % 997) * 0.37, 2),
                       3 + g % 50, g % 3, 'Brand ' || (g % 40), array['Clothing', 'Shirts']
                from generate_series(1, ?) g""").params(ws, products).update();
        Map<Channel, Long> syncDefaults = new EnumMap<>(Channel.class);
        for (Map.Entry<Channel, Long> account : accounts.entrySet()) {
            Channel channel = account.getKey();
            long syncDefault = syncPolicies.defaultFor(workspace, channel).id();
            syncDefaults.put(channel, syncDefault);
            // online = what the planner computes under the default policies (price to cents, available stock),
            // so a re-plan finds nothing to send: the run times the planning, not the channels.
            jdbc.sql("""
                    insert into listing (workspace_id, account_id, channel, sku, channel_ref, sync_policy_id, selling_policy_id, online)
                    select p.workspace_id, ?, ?, p.sku, 'ref-' || p.sku, ?, ?,
                           jsonb_build_object('PRICE', (p.price::numeric(14, 2))::text,
                                              'QUANTITY', greatest(p.on_hand - p.reserved, 0)::text)
                    from product p where p.workspace_id = ? and p.sku like 'A-%'""")
                    .params(account.getValue(), channel.name(), syncDefault, sellingPolicies.defaultFor(workspace, channel).id(), ws)
                    .update();
        }
        jdbc.sql("analyze product").update();
        jdbc.sql("analyze listing").update();
        long listings = count("select count(*) from listing where workspace_id = ? and sku like 'A-%'");
        note("(a) seeded %,d products and %,d listings (%d accounts) in %.1f s", products, listings, accounts.size(), seconds(t0));

        // The seeded online values must be exactly what the planner computes, or the run would time dispatch too.
        List<Long> sample = jdbc.sql("select listing_id from listing where workspace_id = ? and sku like 'A-%' and listing_id % 499 = 0")
                .param(ws).query(Long.class).list();
        List<ListingPlan> samplePlans = planner.preview(ws, snapshots.byIds(ws, sample));
        samplePlans.stream().filter(p -> !p.dirty().isEmpty()).findFirst().ifPresent(p -> {
            throw new IllegalStateException("seeded listing is dirty: " + p);
        });
        System.out.printf(Locale.ROOT, "(a) %d sampled listings checked: nothing dirty%n", samplePlans.size());

        List<Long> ids = jdbc.sql("select listing_id from listing where workspace_id = ? and sku like 'A-%' order by md5(listing_id::text) limit ?")
                .params(ws, baselineListings + 20_000).query(Long.class).list();

        // warm-up of both paths (JIT, caches): 500 listings one at a time, a 20,000-listing re-plan
        onePerCall(tx, planner, snapshots, ids.subList(baselineListings, baselineListings + 500));
        jdbc.sql("insert into replan (workspace_id, listing_id) select ?, unnest(?)")
                .params(ws, ids.subList(baselineListings, ids.size()).toArray(Long[]::new)).update();
        awaitEmpty("replan", 300);

        // baseline: the planner's own code, one listing per call (the listing, its product and both policies
        // read per listing); it skips the queue delete the real path pays, so it flatters the baseline.
        long b0 = System.nanoTime();
        int baselineDirty = onePerCall(tx, planner, snapshots, ids.subList(0, baselineListings));
        double baselineSeconds = seconds(b0);

        long sent0 = totalUpdateRequests();
        long revisionsBefore = count("select count(*) from revision where workspace_id = ?");
        String load = loadAverage();
        // the policy edit: every default Synchronization Policy asks for its listings to be re-planned, as an edit does
        long r0 = System.nanoTime();
        int requested = tx.execute(s -> syncDefaults.values().stream()
                .mapToInt(policy -> planner.requestReplanOfPolicy(ws, "sync_policy_id", policy)).sum());
        double enqueueSeconds = seconds(r0);
        awaitEmpty("replan", 3600);
        double replanSeconds = seconds(r0);
        long revisionsAfter = count("select count(*) from revision where workspace_id = ?");
        long sent = totalUpdateRequests() - sent0;
        String loadAfter = loadAverage();

        double rate = requested / replanSeconds;
        double baselineRate = baselineListings / baselineSeconds;
        note("");
        note("### (a) re-plan of all listings after a policy edit (load average before: %s, after: %s)", load, loadAfter);
        note("| what | listings | seconds | listings/s |");
        note("|---|---:|---:|---:|");
        note("| re-plan of every listing (request %.2f s + drain of the `replan` queue, chunks of 2,000) | %,d | %.1f | **%,.0f** |",
                enqueueSeconds, requested, replanSeconds, rate);
        note("| baseline: the same planner code, one listing per call | %,d | %.1f | %,.0f |", baselineListings, baselineSeconds, baselineRate);
        note("");
        note("ratio re-plan / one-at-a-time: **%.1f×**; goal ≥ 20,000 listings/s: %s; revisions marked: %d (before %d); "
                        + "update calls to the sandboxes during the re-plan: %d; dirty in the baseline: %d",
                rate / baselineRate, rate >= 20_000 ? "met" : "NOT met", revisionsAfter - revisionsBefore, revisionsBefore, sent, baselineDirty);
    }

    private int onePerCall(TransactionTemplate tx, Planner planner, ListingSnapshots snapshots, List<Long> ids) {
        int dirty = 0;
        for (long id : ids) {
            List<ListingPlan> plans = tx.execute(s -> planner.preview(ws, snapshots.byIds(ws, List.of(id))));
            if (plans.size() != 1) {
                throw new IllegalStateException("listing " + id + " not found");
            }
            dirty += plans.get(0).dirty().isEmpty() ? 0 : 1;
        }
        return dirty;
    }

    // ---------------------------------------------------------------------------------------------- (b)

    private void changes(List<Channel> channels, int linked, int rate, int seconds) throws Exception {
        Products products = app.getBean(Products.class);
        SyncPolicies syncPolicies = app.getBean(SyncPolicies.class);
        SellingPolicies sellingPolicies = app.getBean(SellingPolicies.class);
        ChannelSettings channelSettings = app.getBean(ChannelSettings.class);

        long t0 = System.nanoTime();
        List<String> skus = new ArrayList<>(linked);
        List<String> eans = new ArrayList<>(linked);
        List<BigDecimal> prices = new ArrayList<>(linked);
        List<Integer> quantities = new ArrayList<>(linked);
        for (int i = 1; i <= linked; i++) {
            skus.add("B-" + String.format(Locale.ROOT, "%07d", i));
            eans.add(ean(String.format(Locale.ROOT, "400%09d", i)));
            prices.add(BigDecimal.valueOf(999 + (i % 5000) * 7L, 2));
            quantities.add(20 + i % 180);
        }
        jdbc.sql("""
                insert into product (workspace_id, sku, title, price, on_hand, ean, brand)
                select ?, s, 'Linked bench product ' || s, p::numeric, q, e, 'Bench'
                from unnest(?::text[], ?::text[], ?::int[], ?::text[]) as t(s, p, q, e)""")
                .params(ws, skus.toArray(String[]::new), prices.stream().map(BigDecimal::toPlainString).toArray(String[]::new), quantities.toArray(Integer[]::new),
                        eans.toArray(String[]::new)).update();
        for (Channel channel : channels) {
            post("/sandbox/" + channel.slug() + "/_control/reset", "");
            Map<String, String> refs = new HashMap<>();
            for (int from = 0; from < linked; from += 1000) {
                ArrayNode offers = JSON.createArrayNode();
                for (int i = from; i < Math.min(linked, from + 1000); i++) {
                    offers.addObject().put("sku", skus.get(i)).put("ean", eans.get(i)).put("price", prices.get(i).toPlainString())
                            .put("quantity", quantities.get(i)).put("title", "Linked bench product " + skus.get(i));
                }
                HttpResponse<String> seeded = post("/sandbox/" + channel.slug() + "/_control/offers", JSON.writeValueAsString(offers));
                if (seeded.statusCode() != 201) {
                    throw new IllegalStateException("seeding " + channel + " offers: " + seeded.statusCode() + " " + seeded.body());
                }
                for (JsonNode offer : JSON.readTree(seeded.body())) {
                    JsonNode ids = offer.path("ids");
                    String key = CHANNEL_REF.get(channel.slug());
                    String ref = key != null && ids.has(key) ? ids.get(key).asString() : offer.path("sku").asString();
                    refs.put(offer.path("sku").asString(), ref);
                }
            }
            String[] refArray = skus.stream().map(refs::get).toArray(String[]::new);
            jdbc.sql("""
                    insert into listing (workspace_id, account_id, channel, sku, channel_ref, sync_policy_id, selling_policy_id, online)
                    select p.workspace_id, ?, ?, p.sku, t.ref, ?, ?,
                           jsonb_build_object('PRICE', (p.price::numeric(14, 2))::text,
                                              'QUANTITY', greatest(p.on_hand - p.reserved, 0)::text)
                    from unnest(?::text[], ?::text[]) as t(sku, ref)
                    join product p on p.workspace_id = ? and p.sku = t.sku""")
                    .params(accounts.get(channel), channel.name(), syncPolicies.defaultFor(workspace, channel).id(),
                            sellingPolicies.defaultFor(workspace, channel).id(), skus.toArray(String[]::new), refArray, ws)
                    .update();
        }
        jdbc.sql("analyze product").update();
        jdbc.sql("analyze listing").update();
        note("");
        note("(b) seeded %,d products, their offers on %s and %,d linked listings in %.1f s", linked, channels, linked * channels.size(),
                seconds(t0));

        // warm-up: 5 s at the rate, drained
        drive(products, skus, rate, 5, null);
        awaitDrained(channels, 600);

        Map<Channel, JsonNode> stats0 = new EnumMap<>(Channel.class);
        for (Channel channel : channels) {
            stats0.put(channel, stats(channel));
        }
        long log0 = count("select coalesce(max(log_id), 0) from sync_log where workspace_id = ?");
        long change0 = count("select coalesce(max(change_id), 0) from product_change where workspace_id = ?");
        String load = loadAverage();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakDepth = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 200, TimeUnit.MILLISECONDS);
        sampler.scheduleAtFixedRate(() -> {
            try {
                peakDepth.accumulateAndGet(count("select count(*) from revision where workspace_id = ?"), Math::max);
            } catch (RuntimeException e) {
                // the context may be closing; the sample is simply missed
            }
        }, 0, 1, TimeUnit.SECONDS);

        long d0 = System.nanoTime();
        long[] written = new long[1];
        drive(products, skus, rate, seconds, written);
        double driveSeconds = seconds(d0);
        String loadDriven = loadAverage();
        awaitDrained(channels, 1800);
        double drainSeconds = seconds(d0) - driveSeconds;
        sampler.shutdownNow();
        System.gc();
        long heapAfterGc = memory.getHeapMemoryUsage().getUsed();

        long changes = written[0];
        note("");
        note("### (b) %,d product changes in %.1f s = %,.0f changes/s (asked: %,d/s for %d s) on %,d linked products × %s",
                changes, driveSeconds, changes / driveSeconds, rate, seconds, linked, channels);
        note("load average before: %s, at the end of the changes: %s; queue drained %.1f s after the last change; "
                + "peak revision queue depth %,d", load, loadDriven, drainSeconds, peakDepth.get());
        Map<String, Object> lag = jdbc.sql("""
                select count(*) as n,
                       percentile_cont(0.5) within group (order by extract(epoch from planned_at - changed_at) * 1000) as p50,
                       percentile_cont(0.99) within group (order by extract(epoch from planned_at - changed_at) * 1000) as p99
                from product_change where workspace_id = ? and change_id > ?""").params(ws, change0).query().singleRow();
        note("planner lag (change record written → planned): p50 %.0f ms, p99 %.0f ms over %,d change records",
                number(lag.get("p50")), number(lag.get("p99")), ((Number) lag.get("n")).longValue());
        note("");
        note("| channel | items accepted N | accepted/s | p50 latency ms | p99 latency ms | max ms | update calls | ceil(N/batch) | calls ÷ min | goal ≤ 1.05 | 429s | failed/retried | baseline: one call per change (computed) | baseline ÷ engine calls |");
        note("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        for (Channel channel : channels) {
            Map<String, Object> row = jdbc.sql("""
                    select count(*) filter (where decision = 'ACCEPTED') as accepted,
                           count(*) filter (where decision = 'ACCEPTED' and 'QUANTITY' = any(fields)) as quantities,
                           count(*) filter (where decision = 'ACCEPTED' and 'PRICE' = any(fields)) as prices,
                           count(*) filter (where decision in ('FAILED', 'RETRY')) as trouble,
                           percentile_cont(0.5) within group (order by latency_ms) filter (where decision = 'ACCEPTED') as p50,
                           percentile_cont(0.99) within group (order by latency_ms) filter (where decision = 'ACCEPTED') as p99,
                           max(latency_ms) filter (where decision = 'ACCEPTED') as max,
                           extract(epoch from max(at) filter (where decision = 'ACCEPTED')
                                              - min(at) filter (where decision = 'ACCEPTED')) as span
                    from sync_log where workspace_id = ? and log_id > ? and account_id = ?""")
                    .params(ws, log0, accounts.get(channel)).query().singleRow();
            JsonNode after = stats(channel);
            JsonNode before = stats0.get(channel);
            long calls = after.path("updateRequests").asLong() - before.path("updateRequests").asLong();
            long limited = after.path("rateLimited").asLong() - before.path("rateLimited").asLong();
            long items = after.path("itemsUpdated").asLong() - before.path("itemsUpdated").asLong();
            long accepted = ((Number) row.get("accepted")).longValue();
            ChannelLimits limits = channelSettings.limitsOf(channel);
            long minimum = (accepted + limits.batchSize() - 1) / limits.batchSize();
            if (channel == Channel.OTTO) {
                // OTTO takes quantities (≤ 200 a call) and prices (≤ 500 a call, an asynchronous task) in separate calls
                long withQuantity = ((Number) row.get("quantities")).longValue();
                long withPrice = ((Number) row.get("prices")).longValue();
                minimum = (withQuantity + limits.batchSize() - 1) / limits.batchSize()
                        + (withPrice + OTTO_PRICES_PER_CALL - 1) / OTTO_PRICES_PER_CALL;
                System.out.printf(Locale.ROOT, "  OTTO: %,d accepted with a quantity, %,d with a price: minimum = ceil(q/%d) + ceil(p/%d) = %,d calls%n",
                        withQuantity, withPrice, limits.batchSize(), OTTO_PRICES_PER_CALL, minimum);
            }
            double ratio = minimum == 0 ? Double.NaN : (double) calls / minimum;
            double span = number(row.get("span"));
            note("| %s | %,d | %,.0f | %.0f | %.0f | %,d | %,d | %,d | %.3f | %s | %d | %d | %,d calls (≥ %,.0f s at %.0f calls/s) | %.0f× |",
                    channel.displayName(), accepted, span > 0 ? accepted / span : Double.NaN, number(row.get("p50")), number(row.get("p99")),
                    row.get("max") == null ? 0 : ((Number) row.get("max")).longValue(), calls, minimum, ratio,
                    ratio <= 1.05 ? "met" : "NOT met", limited, ((Number) row.get("trouble")).longValue(),
                    changes, changes / limits.requestsPerSecond(), limits.requestsPerSecond(), calls == 0 ? 0 : (double) changes / calls);
            System.out.printf(Locale.ROOT, "  %s sandbox: itemsUpdated %,d, requests %,d, rejected %d%n", channel.displayName(), items,
                    after.path("requests").asLong() - before.path("requests").asLong(),
                    after.path("rejectedRequests").asLong() - before.path("rejectedRequests").asLong());
        }
        note("");
        note("heap used (this JVM, max %,d MiB): %,d MiB before, peak %,d MiB during the run, %,d MiB after a GC at the end; goal ≤ 1 GiB: %s",
                Runtime.getRuntime().maxMemory() >> 20, heapBefore >> 20, peakHeap.get() >> 20, heapAfterGc >> 20,
                peakHeap.get() <= (1L << 30) ? "met" : "NOT met");
    }

    /** Writes random quantity (7 in 10) and price changes through the catalog service, {@code rate} a second, in 10 batches a second. */
    private void drive(Products products, List<String> skus, int rate, int seconds, long[] written) {
        int ticks = seconds * 10;
        int perTick = Math.max(1, rate / 10);
        long start = System.nanoTime();
        long total = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int tick = 0; tick < ticks; tick++) {
            long due = start + tick * 100_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            Set<String> batch = new LinkedHashSet<>();
            while (batch.size() < Math.min(perTick, skus.size())) {
                batch.add(skus.get(random.nextInt(skus.size())));
            }
            List<ProductWrite> writes = new ArrayList<>(batch.size());
            for (String sku : batch) {
                ProductWrite.Builder write = ProductWrite.of(sku, ProductWrite.Mode.UPDATE);
                if (random.nextInt(10) < 7) {
                    write.set(ProductField.QUANTITY, 5 + random.nextInt(300));
                } else {
                    write.set(ProductField.PRICE, BigDecimal.valueOf(500 + random.nextInt(20_000), 2));
                }
                writes.add(write.build());
            }
            for (WriteOutcome outcome : products.write(workspace, writes)) {
                if (outcome instanceof WriteOutcome.Updated) {
                    total++;
                }
            }
        }
        if (written != null) {
            written[0] = total;
        }
    }

    private void awaitDrained(List<Channel> channels, int timeoutSeconds) {
        Long[] ids = channels.stream().map(accounts::get).toArray(Long[]::new);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long unplanned = count("select count(*) from product_change where workspace_id = ? and planned_at is null");
            long queued = jdbc.sql("select count(*) from revision where workspace_id = ? and account_id = any(?)")
                    .params(ws, ids).query(Long.class).single();
            if (unplanned == 0 && queued == 0) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("the queue did not drain within " + timeoutSeconds + " s");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void awaitEmpty(String table, int timeoutSeconds) {
        long start = System.nanoTime();
        long lastReport = start;
        while (jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single()) {
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException(table + " did not empty within " + timeoutSeconds + " s");
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "  … %s: %,d left after %.0f s (load %s)%n", table,
                        jdbc.sql("select count(*) from " + table).query(Long.class).single(), seconds(start), loadAverage());
            }
            sleep(50);
        }
    }

    private long totalUpdateRequests() throws IOException, InterruptedException {
        long sum = 0;
        for (Channel channel : Channel.values()) {
            sum += stats(channel).path("updateRequests").asLong();
        }
        return sum;
    }

    private JsonNode stats(Channel channel) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/" + channel.slug()
                + "/_control/stats")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(channel + " stats: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(ws).query(Long.class).single();
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.add(line);
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String ean(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelveDigits.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : digit * 3;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
