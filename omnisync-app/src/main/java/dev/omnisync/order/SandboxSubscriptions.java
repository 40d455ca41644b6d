package dev.omnisync.order;

import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.workspace.DefaultWorkspaceReady;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In sandbox mode the default workspace's sandbox accounts subscribe to their sandbox's order notifications, as a real
 * account subscribes on its channel, at {@code http://localhost:<port>/webhooks/<channel>/<accountId>}. It goes
 * through the sandbox's subscription route ({@code _control/subscription}), the same for every sandbox, so new
 * channels need nothing here.
 */
@Component
@ConditionalOnProperty(name = {"omnisync.sandbox.enabled", "omnisync.orders.subscribe-sandbox-accounts"}, havingValue = "true",
        matchIfMissing = true)
class SandboxSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(SandboxSubscriptions.class);

    private final ChannelAccounts accounts;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    SandboxSubscriptions(ChannelAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void subscribe(DefaultWorkspaceReady ready) {
        // off the startup thread: the sandbox accounts are seeded by another listener of the same event
        Thread thread = new Thread(() -> subscribeWhenSeeded(ready), "sandbox-subscriptions");
        thread.setDaemon(true);
        thread.start();
    }

    private void subscribeWhenSeeded(DefaultWorkspaceReady ready) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        for (int attempt = 0; attempt < 20; attempt++) {
            List<ChannelAccount> sandboxAccounts = accounts.all(ready.workspace()).stream()
                    .filter(a -> a.sandbox() && a.baseUrl() != null).toList();
            if (!sandboxAccounts.isEmpty()) {
                sandboxAccounts.forEach(a -> subscribe(a, "http://localhost:" + port + "/webhooks/" + a.channel().slug() + "/" + a.id()));
                return;
            }
            sleep();
        }
    }

    private void subscribe(ChannelAccount account, String webhookUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(account.baseUrl() + "/_control/subscription"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + webhookUrl + "\"}")).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                log.info("Account '{}' subscribed to its sandbox's order notifications at {}", account.name(), webhookUrl);
            } else {
                log.warn("Sandbox of account '{}' refused the notification subscription (HTTP {}); polling still imports its orders",
                        account.name(), status);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not subscribe account '{}' to its sandbox's notifications ({}); polling still imports its orders",
                    account.name(), e.toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
