package dev.omnisync.listing;

import dev.omnisync.channel.Channel;

/** What came of linking a product to an offer on a channel account. */
public sealed interface LinkOutcome {

    record Linked(Listing listing) implements LinkOutcome {
    }

    record UnknownProduct(String sku) implements LinkOutcome {
    }

    record UnknownAccount(long accountId) implements LinkOutcome {
    }

    record UnknownPolicy(PolicyKind kind, long policyId) implements LinkOutcome {
    }

    /** The inline policy's name is taken on the channel. */
    record PolicyNameTaken(Channel channel, String name) implements LinkOutcome {
    }

    record AlreadyLinked(long accountId, String sku) implements LinkOutcome {
    }
}
