package dev.omnisync.bench;

import dev.omnisync.OmnisyncApplication;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end harness for the catalog import: starts the service in-process on a fresh embedded database,
 * then measures, in the same run,
 * <ol>
 *   <li>the baseline: one {@code PUT /api/products/{sku}} per product (the way a naive integration writes),</li>
 *   <li>{@code POST /api/products/import} of a generated CSV creating {@code rows} products (9 columns),</li>
 *   <li>the same import of a stock file ({@code sku,quantity}) updating every product's quantity,</li>
 * </ol>
 * and prints rows per second and the ratios to the baseline. Arguments: {@code [rows] [baselineRows]}
 * (defaults 100000 and 2000). See docs/benchmarks.md.
 */
public final class ImportBenchmark {

    private static final String TOKEN = "bench-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int baselineRows = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dir = Files.createTempDirectory("omnisync-import-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OmnisyncApplication.class)
                // as arguments: default properties would lose to application.yml
                .run("--omnisync.data-dir=" + dir, "--server.port=0", "--omnisync.api-token=" + TOKEN,
                        "--logging.file.name=", "--omnisync.demo-catalog.enabled=false", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            // Warm up the JIT and the connection pool on both paths with products of their own.
            for (int i = 0; i < 300; i++) {
                put(base, "WARM-" + i, i);
            }
            post(base, csv(dir.resolve("warm.csv"), "WARMCSV-", 5_000, false));

            long t0 = System.nanoTime();
            for (int i = 0; i < baselineRows; i++) {
                put(base, "PUT-" + i, i);
            }
            double putRate = rate(baselineRows, System.nanoTime() - t0);

            Path create = csv(dir.resolve("create.csv"), "SKU-", rows, false);
            long t1 = System.nanoTime();
            String createReport = post(base, create);
            double createRate = rate(rows, System.nanoTime() - t1);

            Path stock = csv(dir.resolve("stock.csv"), "SKU-", rows, true);
            long t2 = System.nanoTime();
            String stockReport = post(base, stock);
            double stockRate = rate(rows, System.nanoTime() - t2);

            System.out.printf(Locale.ROOT, "%nCatalog import benchmark (%d rows, baseline %d PUTs, %d cores)%n", rows, baselineRows,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "baseline  PUT /api/products/{sku} one by one : %,10.0f rows/s%n", putRate);
            System.out.printf(Locale.ROOT, "import    CSV, 9 columns, creating           : %,10.0f rows/s  (%.1fx baseline)%n",
                    createRate, createRate / putRate);
            System.out.printf(Locale.ROOT, "import    CSV sku,quantity, updating         : %,10.0f rows/s  (%.1fx baseline)%n",
                    stockRate, stockRate / putRate);
            System.out.println("create report: " + summary(createReport));
            System.out.println("stock report:  " + summary(stockReport));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

    }

    private static Path csv(Path file, String prefix, int rows, boolean stockOnly) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(stockOnly ? "sku,quantity\n" : "sku,title,price,quantity,ean,brand,categoryPath,images,attr:Color\n");
            for (int i = 0; i < rows; i++) {
                if (stockOnly) {
                    out.write(prefix + i + "," + ((i * 7 + 3) % 500) + "\n");
                } else {
                    String body = String.format(Locale.ROOT, "42%010d", i);
                    out.write(prefix + i + ",\"Stoneware mug, design " + i + "\"," + (5 + i % 40) + "." + (i % 100 < 10 ? "0" : "")
                            + (i % 100) + "," + (i % 500) + "," + body + checkDigit(body) + ",Nordhaus,Home|Kitchen|Mugs,"
                            + "https://img.example.com/" + prefix + i + "-1.jpg|https://img.example.com/" + prefix + i + "-2.jpg,"
                            + (i % 2 == 0 ? "Red" : "Blue") + "\n");
                }
            }
        }
        return file;
    }

    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static void put(String base, String sku, int i) throws Exception {
        String body = String.format(Locale.ROOT, "42%010d", 900_000_000 + i);
        String json = "{\"title\":\"Stoneware mug, design " + i + "\",\"price\":\"" + (5 + i % 40) + ".99\",\"quantity\":" + (i % 500)
                + ",\"identifiers\":{\"ean\":\"" + body + checkDigit(body) + "\",\"brand\":\"Nordhaus\"},"
                + "\"categoryPath\":[\"Home\",\"Kitchen\",\"Mugs\"],\"images\":[\"https://img.example.com/" + sku + "-1.jpg\","
                + "\"https://img.example.com/" + sku + "-2.jpg\"],\"attributes\":{\"Color\":[\"Red\"]}}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/products/" + sku))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("PUT " + sku + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String post(String base, Path file) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/products/import"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"rejected\":0")) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + summary(response.body()));
        }
        return response.body();
    }

    private static String summary(String report) {
        int cut = report.indexOf(",\"results\"");
        return cut < 0 ? report.substring(0, Math.min(400, report.length())) : report.substring(0, cut) + "}";
    }

    private static double rate(int rows, long nanos) {
        return rows / (nanos / 1e9);
    }
}
