package dev.omnisync.channel;

import dev.omnisync.workspace.WorkspaceId;
import java.time.Instant;

/**
 * A merchant's seller account on a channel. Its credentials are not part of this value: they stay
 * encrypted in the vault and are opened only by the account's connector.
 *
 * @param createStoreOrders whether orders from this account create store orders (and so lower store stock)
 * @param priceManagedBy    account-level price ownership; REPRICER withholds price for all its listings
 * @param sandbox           whether the account points at one of Omnisync's sandbox marketplaces
 */
public record ChannelAccount(WorkspaceId workspace, long id, Channel channel, String name, String region, String currency,
        boolean createStoreOrders, String baseUrl, PriceOwner priceManagedBy, boolean sandbox, boolean hasCredentials,
        Instant createdAt) {
}
