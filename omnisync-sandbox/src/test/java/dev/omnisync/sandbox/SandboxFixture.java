package dev.omnisync.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One standalone sandbox shared by all tests of the module (started once), plus a tiny HTTP client. */
public final class SandboxFixture {

    private static SandboxServer.Handle server;
    public static final HttpClient HTTP = HttpClient.newHttpClient();

    private SandboxFixture() {
    }

    public static synchronized SandboxServer.Handle server() {
        if (server == null) {
            server = SandboxServer.start(0, Map.of("omnisync.sandbox.processing-delay", "100ms"));
        }
        return server;
    }

    public static String base(String channel) {
        return server().baseUrl(channel);
    }

    /** A response with its parsed body. */
    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return SandboxJson.MAPPER.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public static Reply send(String method, String url, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(res.statusCode(), res.body(), res);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Reply control(String channel, String method, String path, String body) {
        return send(method, base(channel) + "/_control" + path, body, "Content-Type", "application/json");
    }

    public static void reset(String channel) {
        control(channel, "POST", "/reset", null);
    }

    public static JsonNode offer(String channel, String sku) {
        return control(channel, "GET", "/offers/" + sku, null).json();
    }

    public static JsonNode stats(String channel) {
        return control(channel, "GET", "/stats", null).json();
    }

    public static void await(java.util.function.BooleanSupplier condition, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + millis + "ms");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
