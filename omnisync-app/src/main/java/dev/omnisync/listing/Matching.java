package dev.omnisync.listing;

import dev.omnisync.catalog.ProductCatalog;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.ChannelConnectors;
import dev.omnisync.channel.spi.ChannelConnector;
import dev.omnisync.channel.spi.ChannelOffer;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.OfferPage;
import dev.omnisync.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Links an account's existing channel offers to store products automatically: by SKU first, then by
 * EAN/GTIN/UPC (an identifier naming exactly one store product). Offers already linked are left alone;
 * offers that match nothing are reported for a person to link by hand.
 */
@Service
public class Matching {

    /** At most this many offers are read per match, so one call stays bounded. */
    static final int MAX_OFFERS = 200_000;

    private final ChannelAccounts accounts;
    private final ChannelConnectors connectors;
    private final ProductCatalog catalog;
    private final Linking linking;
    private final JdbcClient jdbc;

    Matching(ChannelAccounts accounts, ChannelConnectors connectors, ProductCatalog catalog, Linking linking, JdbcClient jdbc) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.catalog = catalog;
        this.linking = linking;
        this.jdbc = jdbc;
    }

    /** What a match did. */
    public sealed interface MatchOutcome {

        record Matched(List<MatchedOffer> linked, List<ChannelOffer> unmatched, int alreadyLinked, List<String> refused)
                implements MatchOutcome {
        }

        record UnknownAccount(long accountId) implements MatchOutcome {
        }

        /** This build has no connector for the account's channel. */
        record NoConnector(String channel) implements MatchOutcome {
        }

        /** The channel could not be read (it said why). */
        record ChannelUnavailable(String reason) implements MatchOutcome {
        }
    }

    /** An offer that was linked, and how it was recognised. */
    public record MatchedOffer(Listing listing, ChannelOffer offer, String matchedBy) {
    }

    public MatchOutcome match(WorkspaceId workspace, long accountId, Long syncPolicyId, Long sellingPolicyId) {
        Optional<ChannelAccount> found = accounts.find(workspace, accountId);
        if (found.isEmpty()) {
            return new MatchOutcome.UnknownAccount(accountId);
        }
        ChannelAccount account = found.get();
        Optional<ChannelConnector> connector = connectors.find(account.channel());
        if (connector.isEmpty()) {
            return new MatchOutcome.NoConnector(account.channel().displayName());
        }
        if (account.baseUrl() == null) {
            return new MatchOutcome.ChannelUnavailable("the account has no base URL");
        }
        List<ChannelOffer> offers = new ArrayList<>();
        try {
            ConnectorAccount connectorAccount = accounts.connectorAccountOf(account);
            String cursor = null;
            do {
                OfferPage page = connector.get().listOffers(connectorAccount, cursor);
                offers.addAll(page.offers());
                cursor = page.nextCursor();
            } while (cursor != null && offers.size() < MAX_OFFERS);
        } catch (RuntimeException e) {
            return new MatchOutcome.ChannelUnavailable(e.getMessage());
        }

        Set<String> linkedSkus = new HashSet<>(jdbc.sql("select sku from listing where workspace_id = ? and account_id = ?")
                .params(workspace.value(), accountId).query(String.class).list());
        Set<String> storeSkus = catalog.existingSkus(workspace, offers.stream().map(ChannelOffer::sku).toList());
        Map<String, String> byIdentifier = catalog.skusByIdentifier(workspace,
                offers.stream().map(ChannelOffer::gtin).filter(g -> g != null && !g.isBlank()).toList());

        List<MatchedOffer> linked = new ArrayList<>();
        List<ChannelOffer> unmatched = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int alreadyLinked = 0;
        for (ChannelOffer offer : offers) {
            String sku;
            String matchedBy;
            if (storeSkus.contains(offer.sku())) {
                sku = offer.sku();
                matchedBy = "SKU";
            } else if (offer.gtin() != null && byIdentifier.containsKey(offer.gtin())) {
                sku = byIdentifier.get(offer.gtin());
                matchedBy = "EAN/GTIN";
            } else {
                unmatched.add(offer);
                continue;
            }
            if (!linkedSkus.add(sku)) {
                alreadyLinked++;
                continue;
            }
            LinkOutcome outcome = linking.link(workspace, new LinkRequest(sku, accountId, offer.channelRef(), syncPolicyId, null,
                    sellingPolicyId, null, null, null));
            if (outcome instanceof LinkOutcome.Linked l) {
                linked.add(new MatchedOffer(l.listing(), offer, matchedBy));
            } else {
                refused.add(offer.sku() + ": " + outcome);
            }
        }
        return new MatchOutcome.Matched(linked, unmatched, alreadyLinked, refused);
    }
}
