package dev.omnisync.listing;

import dev.omnisync.catalog.ProductCatalog;
import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelAccount;
import dev.omnisync.channel.ChannelAccounts;
import dev.omnisync.channel.PriceOwner;
import dev.omnisync.listing.persistence.JdbcListings;
import dev.omnisync.policy.PolicyOutcome;
import dev.omnisync.policy.SellingPolicies;
import dev.omnisync.policy.SellingPolicy;
import dev.omnisync.policy.SyncPolicies;
import dev.omnisync.policy.SynchronizationPolicy;
import dev.omnisync.workspace.WorkspaceId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links store products to channel offers and changes a listing's per-item settings. */
@Service
public class Linking {

    private final JdbcListings listings;
    private final ProductCatalog catalog;
    private final ChannelAccounts accounts;
    private final SyncPolicies syncPolicies;
    private final SellingPolicies sellingPolicies;
    private final ApplicationEventPublisher events;

    Linking(JdbcListings listings, ProductCatalog catalog, ChannelAccounts accounts, SyncPolicies syncPolicies,
            SellingPolicies sellingPolicies, ApplicationEventPublisher events) {
        this.listings = listings;
        this.catalog = catalog;
        this.accounts = accounts;
        this.syncPolicies = syncPolicies;
        this.sellingPolicies = sellingPolicies;
        this.events = events;
    }

    /**
     * Links the product to the account. Policies given by id must be of the account's channel; an inline
     * synchronization policy is created for it; missing ones are the channel's defaults. Publishes
     * {@link ListingLinked}.
     */
    @Transactional
    public LinkOutcome link(WorkspaceId workspace, LinkRequest request) {
        if (request.sku() == null || request.sku().isBlank() || request.sku().length() > 200) {
            throw new IllegalArgumentException("'sku' is required (1 to 200 characters).");
        }
        if (request.accountId() == null) {
            throw new IllegalArgumentException("'accountId' is required: the channel account to list on (GET /api/accounts).");
        }
        if (request.channelRef() != null && request.channelRef().length() > 200) {
            throw new IllegalArgumentException("'channelRef' has at most 200 characters.");
        }
        if (request.syncPolicyId() != null && request.syncPolicy() != null) {
            throw new IllegalArgumentException("Give either 'syncPolicyId' or an inline 'syncPolicy', not both.");
        }
        String sku = request.sku().strip();
        Optional<ChannelAccount> found = accounts.find(workspace, request.accountId());
        if (found.isEmpty()) {
            return new LinkOutcome.UnknownAccount(request.accountId());
        }
        ChannelAccount account = found.get();
        Channel channel = account.channel();
        if (request.asinOwner() != null && channel != Channel.AMAZON) {
            throw new IllegalArgumentException("'asinOwner' applies to Amazon listings only; account '" + account.name() + "' is on "
                    + channel.displayName() + ". Leave it out.");
        }
        if (!catalog.exists(workspace, sku)) {
            return new LinkOutcome.UnknownProduct(sku);
        }
        if (listings.exists(workspace, account.id(), sku)) {
            return new LinkOutcome.AlreadyLinked(account.id(), sku);
        }

        SellingPolicy selling;
        if (request.sellingPolicyId() != null) {
            Optional<SellingPolicy> policy = sellingPolicies.find(workspace, request.sellingPolicyId());
            if (policy.isEmpty()) {
                return new LinkOutcome.UnknownPolicy(PolicyKind.SELLING, request.sellingPolicyId());
            }
            selling = requireChannel(policy.get().channel(), "selling policy", policy.get().name(), account, policy.get());
        } else {
            selling = sellingPolicies.defaultFor(workspace, channel);
        }

        SynchronizationPolicy sync;
        if (request.syncPolicyId() != null) {
            Optional<SynchronizationPolicy> policy = syncPolicies.find(workspace, request.syncPolicyId());
            if (policy.isEmpty()) {
                return new LinkOutcome.UnknownPolicy(PolicyKind.SYNC, request.syncPolicyId());
            }
            sync = requireChannel(policy.get().channel(), "synchronization policy", policy.get().name(), account, policy.get());
        } else if (request.syncPolicy() != null) {
            LinkRequest.InlineSyncPolicy inline = request.syncPolicy();
            if (inline.channel() != null && Channel.parse(inline.channel()).orElse(null) != channel) {
                throw new IllegalArgumentException("The inline 'syncPolicy' names channel '" + inline.channel() + "', but account '"
                        + account.name() + "' is on " + channel.displayName() + ". Leave 'channel' out or use " + channel.name() + ".");
            }
            var created = syncPolicies.create(workspace, SynchronizationPolicy.draft(channel, inline.name(), inline.fields()));
            if (created instanceof PolicyOutcome.Saved<SynchronizationPolicy> saved) {
                sync = saved.policy();
            } else if (created instanceof PolicyOutcome.NameTaken<SynchronizationPolicy> taken) {
                return new LinkOutcome.PolicyNameTaken(taken.channel(), taken.name());
            } else {
                throw new IllegalStateException("creating a policy answered " + created);
            }
        } else {
            sync = syncPolicies.defaultFor(workspace, channel);
        }

        PriceOwner priceOwner = request.priceManagedBy() == null ? PriceOwner.STORE : request.priceManagedBy();
        // Amazon: unless told otherwise, assume the seller did not create the ASIN, so catalog content is protected
        Boolean asinOwner = channel == Channel.AMAZON ? Boolean.TRUE.equals(request.asinOwner()) : null;
        Optional<Long> id = listings.insert(workspace, new JdbcListings.NewListing(account.id(), channel, sku,
                blankToNull(request.channelRef()), sync.id(), selling.id(),
                request.inventorySync() == null || request.inventorySync(), priceOwner, asinOwner));
        if (id.isEmpty()) {
            return new LinkOutcome.AlreadyLinked(account.id(), sku);
        }
        events.publishEvent(new ListingLinked(workspace, id.get(), account.id(), sku));
        return new LinkOutcome.Linked(listings.find(workspace, id.get()).orElseThrow());
    }

    /**
     * Changes the per-item settings that are given (null = unchanged). Empty when there is no such listing.
     * Publishes {@link ListingSettingsChanged} when anything was given.
     */
    @Transactional
    public Optional<Listing> changeSettings(WorkspaceId workspace, long listingId, Boolean inventorySync, PriceOwner priceManagedBy,
            Optional<Boolean> asinOwner) {
        Optional<Listing> current = listings.find(workspace, listingId);
        if (current.isEmpty()) {
            return current;
        }
        if (asinOwner.isPresent() && current.get().channel() != Channel.AMAZON) {
            throw new IllegalArgumentException("'asinOwner' applies to Amazon listings only; listing " + listingId + " is on "
                    + current.get().channel().displayName() + ".");
        }
        Set<String> changed = new LinkedHashSet<>();
        if (inventorySync != null) {
            changed.add("inventorySync");
        }
        if (priceManagedBy != null) {
            changed.add("priceManagedBy");
        }
        if (asinOwner.isPresent()) {
            changed.add("asinOwner");
        }
        if (changed.isEmpty()) {
            return current;
        }
        listings.updateSettings(workspace, listingId, inventorySync, priceManagedBy, asinOwner.orElse(null), asinOwner.isPresent());
        events.publishEvent(new ListingSettingsChanged(workspace, listingId, changed));
        return listings.find(workspace, listingId);
    }

    private static <P> P requireChannel(Channel policyChannel, String kind, String name, ChannelAccount account, P policy) {
        if (policyChannel != account.channel()) {
            throw new IllegalArgumentException("The " + kind + " '" + name + "' is for " + policyChannel.displayName() + ", but account '"
                    + account.name() + "' is on " + account.channel().displayName() + "; choose a " + account.channel().displayName()
                    + " policy.");
        }
        return policy;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
