package dev.omnisync.console;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.sandbox.SandboxMarketplace;
import dev.omnisync.sandbox.SandboxOffer;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * On the default run the sandbox marketplaces start without offers, so a person linking a product to a
 * sandbox account from the console would link to nothing. For sandbox accounts served by this process, the
 * console first gives the sandbox an offer for the SKU (stale values: price 1.00, quantity 0, as an existing
 * channel offer would be) and links it with the channel's own offer id, so the link's first sync is visible.
 */
@Component
class SandboxOffersForLinking {

    /** Which of a sandbox offer's ids a connector takes as the listing's channel reference. */
    private static final Map<Channel, String> CHANNEL_REF = Map.of(Channel.EBAY, "offerId", Channel.KAUFLAND, "id_unit");

    private final ObjectProvider<SandboxMarketplace> marketplaces;
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxOffersForLinking(ObjectProvider<SandboxMarketplace> marketplaces) {
        this.marketplaces = marketplaces;
    }

    /** Gives the account's sandbox an offer (stale values) for each SKU it has none for; answers how many it got. */
    int offersFor(ChannelAccount account, java.util.List<String> skus) {
        Optional<SandboxMarketplace> marketplace = marketplace(account);
        if (marketplace.isEmpty()) {
            return 0;
        }
        int created = 0;
        for (String sku : skus) {
            // the sandbox's in-memory state, not a database: one call per SKU is fine
            if (marketplace.get().offers().find(sku).isEmpty()) {
                offerFor(account, sku, account.currency());
                created++;
            }
        }
        return created;
    }

    private Optional<SandboxMarketplace> marketplace(ChannelAccount account) {
        if (!account.sandbox()) {
            return Optional.empty();
        }
        return marketplaces.orderedStream().filter(m -> m.slug().equals(account.channel().slug())).findFirst();
    }

    /** The channel reference to link with: the sandbox offer's id, created when missing; empty when not a sandbox account. */
    Optional<String> offerFor(ChannelAccount account, String sku, String currency) {
        if (sku == null || sku.isBlank()) {
            return Optional.empty();
        }
        Optional<SandboxMarketplace> marketplace = marketplace(account);
        if (marketplace.isEmpty()) {
            return Optional.empty();
        }
        SandboxOffer offer = marketplace.get().offers().find(sku.strip()).orElseGet(() -> {
            ObjectNode item = json.createObjectNode();
            item.put("sku", sku.strip());
            item.put("price", "1.00");
            item.put("quantity", 0);
            if (currency != null) {
                item.put("currency", currency);
            }
            return marketplace.get().seed(item);
        });
        String key = CHANNEL_REF.get(account.channel());
        return key == null ? Optional.empty() : Optional.ofNullable(offer.ids.get(key));
    }
}
