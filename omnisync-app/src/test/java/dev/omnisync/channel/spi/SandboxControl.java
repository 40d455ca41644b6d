package dev.omnisync.channel.spi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's control API ({@code /sandbox/{ch}/_control/...}) over plain java.net.http, for contract tests. */
public final class SandboxControl {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public SandboxControl(String channelBaseUrl) {
        this.base = channelBaseUrl + "/_control";
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    public void reset() {
        post("/reset", null);
    }

    public Map<String, String> credentials() {
        JsonNode c = get("/credentials");
        Map<String, String> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    public JsonNode offer(String sku) {
        return get("/offers/" + sku);
    }

    public JsonNode stats() {
        return get("/stats");
    }

    public long stat(String name) {
        return stats().path(name).asLong();
    }

    public void fault(String type, int count, String sku, Long millis) {
        Map<String, Object> f = new HashMap<>();
        f.put("type", type);
        f.put("count", count);
        if (sku != null) {
            f.put("sku", sku);
        }
        if (millis != null) {
            f.put("millis", millis);
        }
        post("/faults", f);
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + " -> " + res.statusCode() + " " + new String(res.body()));
            }
            return res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
