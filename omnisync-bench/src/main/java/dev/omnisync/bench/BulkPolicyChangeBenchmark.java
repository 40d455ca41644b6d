package dev.omnisync.bench;

import dev.omnisync.OmnisyncApplication;
import dev.omnisync.channel.Channel;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.workspace.IssuedToken;
import dev.omnisync.workspace.Workspaces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the bulk policy change of 100,000 listings through the HTTP API against a same-run baseline: the
 * row-by-row way (one UPDATE per listing) on a smaller slice, and prints both rates and their ratio.
 * <pre>
 * ./mvnw -B -o -q -pl omnisync-bench -am -DskipTests -Pbench \
 *     -Dbench.main=dev.omnisync.bench.BulkPolicyChangeBenchmark [-Dexec.args="100000 5000"] package
 * </pre>
 * The service runs in this process on an embedded PostgreSQL in a temporary data directory, deleted after.
 */
public final class BulkPolicyChangeBenchmark {

    private static final String TOKEN_WORKSPACE = "bench";

    private BulkPolicyChangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int listings = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int baselineListings = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dataDir = Files.createTempDirectory("omnisync-bench-");
        // as command-line arguments, so they win over application.yml (builder properties would only be defaults)
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OmnisyncApplication.class)
                .run("--omnisync.data-dir=" + dataDir, "--server.port=0", "--logging.file.name=", "--spring.main.banner-mode=off",
                        "--omnisync.sandbox.enabled=false", "--omnisync.default-workspace.enabled=false", "--logging.level.root=WARN")) {
            run(app, listings, baselineListings);
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(ConfigurableApplicationContext app, int listings, int baselineListings) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        IssuedToken issued = app.getBean(Workspaces.class).create(TOKEN_WORKSPACE);
        long ws = issued.workspace().value();
        Api api = new Api(port, issued.token());

        long t0 = System.nanoTime();
        long account = jdbc.sql("insert into channel_account (workspace_id, channel, name, currency) values (?, 'EBAY', 'eBay bench', 'EUR') "
                + "returning account_id").param(ws).query(Long.class).single();
        long syncDefault = app.getBean(SyncPolicies.class).defaultFor(issued.workspace(), Channel.EBAY).id();
        long sellingDefault = app.getBean(SellingPolicies.class).defaultFor(issued.workspace(), Channel.EBAY).id();
        jdbc.sql("insert into product (workspace_id, sku, title, price, on_hand) "
                        + "select ?, 'SKU-' || lpad(g::text, 7, '0'), 'Product ' || g, 9.99 + g % 100, g % 50 from generate_series(1, ?) g")
                .params(ws, listings).update();
        jdbc.sql("insert into listing (workspace_id, account_id, channel, sku, sync_policy_id, selling_policy_id) "
                        + "select ?, ?, 'EBAY', 'SKU-' || lpad(g::text, 7, '0'), ?, ? from generate_series(1, ?) g")
                .params(ws, account, syncDefault, sellingDefault, listings).update();
        jdbc.sql("analyze listing").update();
        System.out.printf(Locale.ROOT, "seeded %,d products and %,d listings in %.1f s%n", listings, listings, seconds(t0));

        String target = api.post("/api/sync-policies", "{\"name\":\"Bench target\",\"channel\":\"EBAY\",\"fields\":[\"PRICE\",\"QUANTITY\",\"TITLE\"]}")
                .body().replaceAll(".*\"id\":\"(\\d+)\".*", "$1");
        String selection = "{\"filter\":{\"channel\":\"EBAY\",\"accountId\":" + account + "},\"syncPolicyId\":" + target;

        long previewStart = System.nanoTime();
        HttpResponse<String> preview = api.post("/api/listings/policy", selection + "}");
        double previewSeconds = seconds(previewStart);
        require(preview.statusCode() == 428, preview);
        System.out.printf(Locale.ROOT, "preview (428): %.3f s — %s%n", previewSeconds, abbreviate(preview.body()));

        long bulkStart = System.nanoTime();
        HttpResponse<String> moved = api.post("/api/listings/policy", selection + ",\"confirm\":true}");
        double bulkSeconds = seconds(bulkStart);
        require(moved.statusCode() == 200 && moved.body().contains("\"moved\":" + listings), moved);
        String changeId = moved.body().replaceAll(".*\"changeId\":\"(\\d+)\".*", "$1");
        long onTarget = jdbc.sql("select count(*) from listing where workspace_id = ? and sync_policy_id = ?")
                .params(ws, Long.parseLong(target)).query(Long.class).single();
        require(onTarget == listings, moved);

        long undoStart = System.nanoTime();
        HttpResponse<String> undone = api.post("/api/listings/policy/" + changeId + "/undo", "");
        double undoSeconds = seconds(undoStart);
        require(undone.statusCode() == 200 && undone.body().contains("\"restored\":" + listings), undone);

        // Baseline: the row-by-row way, one UPDATE (and one undo record) per listing, in one transaction.
        List<Long> ids = jdbc.sql("select listing_id from listing where workspace_id = ? order by listing_id limit ?")
                .params(ws, baselineListings).query(Long.class).list();
        DataSource dataSource = app.getBean(DataSource.class);
        long baselineStart = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement read = c.prepareStatement("select sync_policy_id from listing where workspace_id = ? and listing_id = ? for update");
                 PreparedStatement update = c.prepareStatement("update listing set sync_policy_id = ?, updated_at = now() where workspace_id = ? and listing_id = ?")) {
                for (long id : ids) {
                    read.setLong(1, ws);
                    read.setLong(2, id);
                    try (var rs = read.executeQuery()) {
                        rs.next();
                    }
                    update.setLong(1, Long.parseLong(target));
                    update.setLong(2, ws);
                    update.setLong(3, id);
                    update.executeUpdate();
                }
            }
            c.commit();
        }
        double baselineSeconds = seconds(baselineStart);

        double bulkRate = listings / bulkSeconds;
        double baselineRate = ids.size() / baselineSeconds;
        System.out.println();
        System.out.println("| what | listings | seconds | listings/s |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| bulk change via HTTP (one statement, with undo records) | %,d | %.3f | %,.0f |%n", listings, bulkSeconds, bulkRate);
        System.out.printf(Locale.ROOT, "| undo via HTTP (one statement) | %,d | %.3f | %,.0f |%n", listings, undoSeconds, listings / undoSeconds);
        System.out.printf(Locale.ROOT, "| baseline: row by row (read + UPDATE per listing, one transaction) | %,d | %.3f | %,.0f |%n",
                ids.size(), baselineSeconds, baselineRate);
        System.out.printf(Locale.ROOT, "%nbulk / row-by-row rate ratio: %.1fx; 100,000 listings row by row would take ~%.1f s%n",
                bulkRate / baselineRate, 100_000 / baselineRate);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void require(boolean condition, HttpResponse<String> response) {
        if (!condition) {
            throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    private record Api(int port, String token) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
