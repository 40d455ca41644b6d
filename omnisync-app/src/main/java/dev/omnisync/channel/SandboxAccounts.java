package dev.omnisync.channel;

import dev.omnisync.workspace.DefaultWorkspaceReady;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In sandbox mode the default workspace gets one account per channel ("Sandbox eBay" ... "Sandbox Mirakl"),
 * connected to the sandbox marketplace served inside this process, with {@code createStoreOrders} on. The
 * accounts' base URLs follow the port of the current run.
 */
@Component
@ConditionalOnProperty(name = "omnisync.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxAccounts {

    private static final Logger log = LoggerFactory.getLogger(SandboxAccounts.class);

    private final ChannelAccounts accounts;
    private final Environment environment;

    SandboxAccounts(ChannelAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @EventListener
    void seed(DefaultWorkspaceReady ready) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        Set<String> existing = accounts.all(ready.workspace()).stream().map(ChannelAccount::name).collect(Collectors.toSet());
        for (Channel channel : Channel.values()) {
            String baseUrl = "http://localhost:" + port + "/sandbox/" + channel.slug();
            if (existing.contains(channel.sandboxAccountName())) {
                accounts.all(ready.workspace()).stream()
                        .filter(a -> a.sandbox() && a.name().equals(channel.sandboxAccountName()) && !baseUrl.equals(a.baseUrl()))
                        .forEach(a -> accounts.change(ready.workspace(), a.id(),
                                new AccountChanges(null, null, null, null, baseUrl, null, null)));
                continue;
            }
            accounts.register(ready.workspace(), new NewChannelAccount(channel, channel.sandboxAccountName(),
                    sandboxRegion(channel), sandboxCurrency(channel), true, baseUrl, SandboxCredentials.of(channel), true));
            log.info("Seeded account '{}' connected to {}", channel.sandboxAccountName(), baseUrl);
        }
    }

    private static String sandboxRegion(Channel channel) {
        return switch (channel) {
            case EBAY -> "EBAY_DE";
            case AMAZON -> "A1PA6795UKMFR9";
            case WALMART -> "US";
            case TIKTOK_SHOP -> "GB";
            default -> "DE";
        };
    }

    private static String sandboxCurrency(Channel channel) {
        return switch (channel) {
            case WALMART -> "USD";
            case TIKTOK_SHOP -> "GBP";
            default -> "EUR";
        };
    }

    /** The credentials each sandbox marketplace accepts (they are sandbox-only values, not secrets). */
    static final class SandboxCredentials {

        private SandboxCredentials() {
        }

        static Map<String, String> of(Channel channel) {
            return Map.of();
        }
    }
}
