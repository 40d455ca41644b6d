package dev.omnisync.bench;

import dev.omnisync.OmnisyncApplication;
import dev.omnisync.workspace.IssuedToken;
import dev.omnisync.workspace.Workspaces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The oversell window: time from an order on channel A (eBay: the sandbox creates the order and sends its signed
 * notification to {@code /webhooks/ebay/<account>}) until the new quantity is accepted by every other synchronous
 * channel (Kaufland, Amazon), watched on the sandboxes themselves. Orders arrive at a steady rate, one unit of a
 * distinct SKU each. Same-run baseline: a poll-only import every 60 s, computed as each measured window plus the wait
 * for the next poll (uniform over the interval, seeded).
 * <pre>
 * ./mvnw -B -o -q -pl omnisync-bench -am -DskipTests -Pbench \
 *     -Dbench.main=dev.omnisync.bench.OversellWindowBenchmark [-Dexec.args="2 60"] package
 * </pre>
 * Arguments: orders per second (default 2), seconds of load (default 60), target channels (default
 * {@code kaufland,amazon}). The service and its sandboxes run in this
 * process on an embedded PostgreSQL in a temporary data directory, deleted after.
 */
public final class OversellWindowBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static List<String> TARGETS = List.of("kaufland", "amazon");
    private static final int STOCK = 100;

    private OversellWindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        if (args.length > 2) {
            TARGETS = List.of(args[2].split(","));
        }
        Path dataDir = Files.createTempDirectory("omnisync-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OmnisyncApplication.class)
                .run("--omnisync.data-dir=" + dataDir, "--server.port=0", "--logging.file.name=", "--spring.main.banner-mode=off",
                        "--omnisync.default-workspace.enabled=false", "--logging.level.root=WARN")) {
            run(app, rate, seconds);
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, double rate, int seconds) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        IssuedToken issued = app.getBean(Workspaces.class).create("bench");
        String base = "http://localhost:" + port;
        Client api = new Client(base, issued.token());
        Client sandbox = new Client(base, null);
        int orders = (int) Math.round(rate * seconds);

        long t0 = System.nanoTime();
        Map<String, String> accounts = new java.util.LinkedHashMap<>();
        for (String[] a : new String[][] {{"EBAY", "ebay", "EBAY_DE"}, {"KAUFLAND", "kaufland", "DE"}, {"AMAZON", "amazon", "A1PA6795UKMFR9"}}) {
            String credentials = sandbox.get("/sandbox/" + a[1] + "/_control/credentials").body();
            HttpResponse<String> created = api.post("/api/accounts", """
                    {"channel":"%s","name":"Bench %s","region":"%s","currency":"EUR","baseUrl":"%s/sandbox/%s","credentials":%s}"""
                    .formatted(a[0], a[1], a[2], base, a[1], credentials));
            require(created.statusCode() == 201, created);
            accounts.put(a[1], JSON.readTree(created.body()).path("id").asString());
        }
        List<String> skus = new ArrayList<>();
        StringBuilder products = new StringBuilder("[");
        StringBuilder offers = new StringBuilder("[");
        for (int i = 0; i < orders; i++) {
            String sku = "OW-" + String.format(Locale.ROOT, "%05d", i);
            skus.add(sku);
            products.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"title\":\"Item ").append(i)
                    .append("\",\"price\":\"9.99\",\"quantity\":").append(STOCK).append('}');
            offers.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"price\":\"9.99\",\"quantity\":1,\"currency\":\"EUR\"}");
        }
        require(api.post("/api/products/import", products.append(']').toString()).statusCode() == 200, null);
        for (String slug : accounts.keySet()) {
            require(sandbox.post("/sandbox/" + slug + "/_control/offers", offers + "]").statusCode() == 201, null);
        }
        for (String slug : accounts.keySet()) {
            JsonNode seeded = JSON.readTree(sandbox.get("/sandbox/" + slug + "/_control/offers").body());
            for (JsonNode offer : seeded) {
                String sku = offer.path("sku").asString();
                if (!sku.startsWith("OW-")) {
                    continue;
                }
                String ref = switch (slug) {
                    case "ebay" -> offer.path("ids").path("offerId").asString();
                    case "kaufland" -> offer.path("ids").path("id_unit").asString();
                    default -> null;
                };
                HttpResponse<String> linked = api.post("/api/listings", "{\"sku\":\"" + sku + "\",\"accountId\":\"" + accounts.get(slug) + "\""
                        + (ref == null ? "" : ",\"channelRef\":\"" + ref + "\"") + "}");
                require(linked.statusCode() == 201, linked);
            }
        }
        // the links push the store's quantity everywhere; wait until every channel holds it
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (String slug : accounts.keySet()) {
            while (countAt(sandbox, slug, STOCK) < orders) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("initial sync to " + slug + " did not finish: " + countAt(sandbox, slug, STOCK) + "/" + orders);
                }
                Thread.sleep(200);
            }
        }
        require(sandbox.post("/sandbox/ebay/_control/subscription", "{\"url\":\"" + base + "/webhooks/ebay/" + accounts.get("ebay") + "\"}")
                .statusCode() == 200, null);
        System.out.printf(Locale.ROOT, "set up %d SKUs on 3 channels in %.1f s%n", orders, (System.nanoTime() - t0) / 1e9);

        // load and watch
        Map<String, Long> orderedAt = new ConcurrentHashMap<>();
        Map<String, Map<String, Long>> acceptedAt = new ConcurrentHashMap<>();
        List<Long> windows = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread watcher = new Thread(() -> watch(sandbox, orderedAt, acceptedAt, windows), "oversell-watcher");
        watcher.setDaemon(true);
        watcher.start();
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String sku = skus.get(i);
            orderedAt.put(sku, System.nanoTime());
            HttpResponse<String> placed = sandbox.post("/sandbox/ebay/_control/orders", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
            require(placed.statusCode() == 201, placed);
        }
        long loadEnd = System.nanoTime();
        while (windows.size() < orders && System.nanoTime() - loadEnd < Duration.ofSeconds(120).toNanos()) {
            Thread.sleep(100);
        }
        watcher.interrupt();

        long[] measured = windows.stream().mapToLong(Long::longValue).sorted().toArray();
        Random random = new Random(42);
        long[] pollOnly = Arrays.stream(measured).map(w -> w + (long) (random.nextDouble() * 60_000_000_000L)).sorted().toArray();
        System.out.println();
        System.out.printf(Locale.ROOT, "orders: %d at %.1f/s over %d s; targets %s; windows measured: %d (missing %d)%n",
                orders, rate, seconds, TARGETS, measured.length, orders - measured.length);
        System.out.println("| import | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| notification + 60 s safety poll (this build) | %s | %s | %s | %s |%n",
                ms(measured, 0.50), ms(measured, 0.90), ms(measured, 0.99), ms(measured, 1.0));
        System.out.printf(Locale.ROOT, "| baseline: poll-only every 60 s (computed: measured + uniform poll wait) | %s | %s | %s | %s |%n",
                ms(pollOnly, 0.50), ms(pollOnly, 0.90), ms(pollOnly, 0.99), ms(pollOnly, 1.0));
        for (String slug : TARGETS) {
            long[] alone = acceptedAt.entrySet().stream().filter(e -> e.getValue().containsKey(slug))
                    .mapToLong(e -> e.getValue().get(slug) - orderedAt.get(e.getKey())).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %s alone: p50 %s ms, p99 %s ms%n", slug, ms(alone, 0.5), ms(alone, 0.99));
        }
        JsonNode deliveries = JSON.readTree(sandbox.get("/sandbox/ebay/_control/notifications").body());
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        deliveries.forEach(d -> byStatus.merge(d.path("status").asInt(), 1, Integer::sum));
        System.out.println("eBay notifications delivered, by our answer: " + byStatus);
        System.out.println("Amazon sandbox stats: " + sandbox.get("/sandbox/amazon/_control/stats").body());
        app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                select decision, left(coalesce(channel_response, ''), 50) as response, count(*) from sync_log
                where channel = 'AMAZON' and decision in ('SENT', 'ACCEPTED', 'RETRY') group by 1, 2 order by 3 desc limit 8""")
                .query((rs, n) -> rs.getString(1) + " x" + rs.getLong(3) + " " + rs.getString(2)).list()
                .forEach(line -> System.out.println("  amazon sync log: " + line));
        String ebayStats = sandbox.get("/sandbox/ebay/_control/stats").body();
        System.out.println("eBay sandbox stats (updateRequests should not grow with the orders: the selling channel is not re-sent): " + ebayStats);
    }

    /** Reads the target sandboxes' offers every 25 ms; an order's window closes when every target shows its new quantity. */
    private static void watch(Client sandbox, Map<String, Long> orderedAt, Map<String, Map<String, Long>> acceptedAt, List<Long> windows) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (String slug : TARGETS) {
                    JsonNode all = JSON.readTree(sandbox.get("/sandbox/" + slug + "/_control/offers").body());
                    long now = System.nanoTime();
                    for (JsonNode offer : all) {
                        String sku = offer.path("sku").asString();
                        Long ordered = orderedAt.get(sku);
                        if (ordered != null && offer.path("quantity").asInt() <= STOCK - 1) {
                            Map<String, Long> seen = acceptedAt.computeIfAbsent(sku, k -> new ConcurrentHashMap<>());
                            if (seen.putIfAbsent(slug, now) == null && seen.size() == TARGETS.size()) {
                                windows.add(seen.values().stream().mapToLong(Long::longValue).max().orElse(now) - ordered);
                            }
                        }
                    }
                }
                Thread.sleep(25);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed read only delays the observation by one round
            }
        }
    }

    private static int countAt(Client sandbox, String slug, int quantity) throws Exception {
        int n = 0;
        for (JsonNode offer : JSON.readTree(sandbox.get("/sandbox/" + slug + "/_control/offers").body())) {
            if (offer.path("sku").asString().startsWith("OW-") && offer.path("quantity").asInt() == quantity) {
                n++;
            }
        }
        return n;
    }

    private static String ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return "—";
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return String.format(Locale.ROOT, "%,.0f", sortedNanos[Math.max(0, index)] / 1e6);
    }

    private static void require(boolean condition, HttpResponse<String> response) {
        if (!condition) {
            throw new IllegalStateException("unexpected answer" + (response == null ? "" : " " + response.statusCode() + ": " + response.body()));
        }
    }

    private record Client(String base, String token) {

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return HTTP.send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }
    }
}
