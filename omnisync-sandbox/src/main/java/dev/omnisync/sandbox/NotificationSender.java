package dev.omnisync.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * POSTs a channel's signed notification to a subscribed webhook URL, off the request thread, retrying
 * non-2xx answers and network errors a few times (channels redeliver too). Deliveries are recorded for
 * {@code _control/notifications}.
 */
public final class NotificationSender implements AutoCloseable {

    /** One delivery attempt series. */
    public record Delivery(String channel, String url, String body, int status, int attempts, Instant at) {
    }

    private static final long[] RETRY_MILLIS = {250, 1000, 3000};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-notifications");
        t.setDaemon(true);
        return t;
    });
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public void send(String channel, String url, String body, Map<String, String> headers) {
        executor.execute(() -> attempt(channel, url, body, headers, 1));
    }

    private void attempt(String channel, String url, String body, Map<String, String> headers, int attempt) {
        int status;
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json");
            headers.forEach(req::header);
            status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        } 
        if ((status < 200 || status > 299) && attempt <= RETRY_MILLIS.length) {
            executor.schedule(() -> attempt(channel, url, body, headers, attempt + 1), RETRY_MILLIS[attempt - 1],
                    TimeUnit.MILLISECONDS);
            return;
        }
        deliveries.add(new Delivery(channel, url, body, status, attempt, Instant.now()));
    }

    public List<ObjectNode> deliveries(String channel) {
        return deliveries.stream().filter(d -> d.channel().equals(channel)).map(d -> {
            ObjectNode n = SandboxJson.object();
            n.put("url", d.url());
            n.put("status", d.status());
            n.put("attempts", d.attempts());
            n.put("at", d.at().toString());
            n.put("body", d.body());
            return n;
        }).toList();
    }

    public void forget(String channel) {
        deliveries.removeIf(d -> d.channel().equals(channel));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
