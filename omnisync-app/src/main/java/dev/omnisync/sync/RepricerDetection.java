package dev.omnisync.sync;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.ChannelConnectors;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.spi.ChannelOffer;
import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.spi.OfferPage;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.listing.Linking;
import dev.omnisync.listing.ListingSettingsChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices prices on a channel that Omnisync did not send. A listing whose channel price differs from what
 * was last accepted, on {@code repricer-detection-threshold} reads in a row, is marked repricer-managed: its
 * price is withheld from then on, the sync log says why, and a person can undo it
 * ({@code PATCH /api/listings/{id}} with {@code priceManagedBy: STORE}).
 */
@Component
public class RepricerDetection {

    private static final Logger log = LoggerFactory.getLogger(RepricerDetection.class);

    private final ChannelAccounts accounts;
    private final ChannelConnectors connectors;
    private final JdbcClient jdbc;
    private final SyncLog syncLog;
    private final SyncSettings settings;
    private final Linking linking;

    RepricerDetection(ChannelAccounts accounts, ChannelConnectors connectors, JdbcClient jdbc, SyncLog syncLog, SyncSettings settings,
            Linking linking) {
        this.linking = linking;
        this.accounts = accounts;
        this.connectors = connectors;
        this.jdbc = jdbc;
        this.syncLog = syncLog;
        this.settings = settings;
    }

    /** Reads every account's offers and compares their prices with what Omnisync last sent. */
    @Scheduled(fixedDelayString = "${omnisync.sync.drift-check-interval:5m}", initialDelayString = "${omnisync.sync.drift-check-interval:5m}")
    public void checkAllAccounts() {
        if (!settings.enabled()) {
            return;
        }
        for (Channel channel : Channel.values()) {
            if (connectors.find(channel).isEmpty()) {
                continue;
            }
            for (ChannelAccount account : accounts.allOn(channel)) {
                try {
                    check(account);
                } catch (RuntimeException e) {
                    log.warn("Reading offers of account {} ({}) failed; next round tries again", account.id(), channel, e);
                }
            }
        }
    }

    /** One account: observes the channel's prices and marks listings whose price someone else keeps setting. */
    public void check(ChannelAccount account) {
        if (account.baseUrl() == null) {
            return;
        }
        ConnectorAccount connectorAccount = accounts.connectorAccountOf(account);
        Map<String, BigDecimal> channelPrices = new HashMap<>();
        String cursor = null;
        do {
            OfferPage page = connectors.of(account.channel()).listOffers(connectorAccount, cursor);
            for (ChannelOffer offer : page.offers()) {
                if (offer.price() != null) {
                    channelPrices.put(offer.sku(), offer.price());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        if (channelPrices.isEmpty()) {
            return;
        }
        long ws = account.workspace().value();
        List<Object[]> listings = jdbc.sql("""
                select listing_id, sku, online ->> 'PRICE' from listing
                where workspace_id = ? and account_id = ? and price_managed_by = 'STORE' and sku = any(?)""")
                .params(ws, account.id(), channelPrices.keySet().toArray(String[]::new))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        List<SyncLogEntry> notes = new ArrayList<>();
        for (Object[] row : listings) {
            long listingId = (Long) row[0];
            String sku = (String) row[1];
            String sent = (String) row[2];
            BigDecimal seen = channelPrices.get(sku);
            if (sent == null || seen.compareTo(new BigDecimal(sent)) == 0) {
                jdbc.sql("delete from foreign_price where workspace_id = ? and listing_id = ?").params(ws, listingId).update();
                continue;
            }
            int sightings = jdbc.sql("""
                    insert into foreign_price (workspace_id, listing_id, sightings, last_price) values (?, ?, 1, ?)
                    on conflict (workspace_id, listing_id) do update set
                      sightings = foreign_price.sightings + 1,
                      last_price = excluded.last_price, last_seen_at = now()
                    returning sightings""")
                    .params(ws, listingId, seen.toPlainString()).query(Integer.class).single();
            if (sightings >= settings.repricerDetectionThreshold()) {
                // through the listing module, so the mark is a settings change like a person's (event, re-plan)
                linking.changeSettings(account.workspace(), listingId, null, PriceOwner.REPRICER, java.util.Optional.empty());
                notes.add(new SyncLogEntry(ws, listingId, account.id(), account.channel(), sku, SyncDecision.NOTE, Set.of(FieldKey.PRICE),
                        List.of("external repricer detected: the channel showed prices Omnisync did not send on " + sightings
                                + " reads (last " + seen.toPlainString() + ", sent " + sent + "); price is now withheld. "
                                + "Undo with priceManagedBy STORE."), null, "price " + seen.toPlainString(), null, Instant.now()));
            }
        }
        syncLog.record(notes);
    }

    /** A person took the price back (or set a repricer by hand): earlier sightings no longer count. */
    @EventListener
    void on(ListingSettingsChanged changed) {
        if (changed.settings().contains("priceManagedBy")) {
            jdbc.sql("delete from foreign_price where workspace_id = ? and listing_id = ?")
                    .params(changed.workspace().value(), changed.listingId()).update();
        }
    }
}
