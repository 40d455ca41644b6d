package dev.omnisync.channel;

import dev.omnisync.workspace.DefaultWorkspaceReady;
import dev.omnisync.sandbox.SandboxMarketplace;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
    private final Map<String, Map<String, String>> credentialsBySlug;

    SandboxAccounts(ChannelAccounts accounts, Environment environment, ObjectProvider<SandboxMarketplace> marketplaces) {
        this.accounts = accounts;
        this.environment = environment;
        this.credentialsBySlug = marketplaces.orderedStream()
                .collect(Collectors.toMap(SandboxMarketplace::slug, SandboxMarketplace::credentials, (a, b) -> a));
    }

    @EventListener
    void seed(DefaultWorkspaceReady ready) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        Set<String> existing = accounts.all(ready.workspace()).stream().map(ChannelAccount::name).collect(Collectors.toSet());
        for (Channel channel : Channel.values()) {
            String baseUrl = "http://localhost:" + port + "/sandbox/" + channel.slug();
            Map<String, String> credentials = credentialsBySlug.getOrDefault(channel.slug(), Map.of());
            if (existing.contains(channel.sandboxAccountName())) {
                // The port may differ from the last run, and the sandbox's credentials are its own to define.
                accounts.all(ready.workspace()).stream()
                        .filter(a -> a.sandbox() && a.name().equals(channel.sandboxAccountName()))
                        .forEach(a -> accounts.change(ready.workspace(), a.id(),
                                new AccountChanges(null, null, null, null, baseUrl, null, credentials)));
                continue;
            }
            accounts.register(ready.workspace(), new NewChannelAccount(channel, channel.sandboxAccountName(),
                    sandboxRegion(channel), sandboxCurrency(channel), true, baseUrl, credentials, true));
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

}
