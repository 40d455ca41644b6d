package dev.omnisync.listing;

import dev.omnisync.channel.Channel;
import dev.omnisync.policy.PolicyPreview;
import java.time.Instant;
import java.util.List;

/** What came of a bulk policy change or its undo. */
public sealed interface BulkChangeOutcome {

    /**
     * The listings moved.
     *
     * @param changeId the recorded change, for undo; null when nothing had to move
     */
    record Moved(Long changeId, PolicyKind kind, long policyId, long moved) implements BulkChangeOutcome {
    }

    /** The change affects listings and was not confirmed: nothing changed. */
    record NeedsConfirmation(PolicyPreview preview) implements BulkChangeOutcome {
    }

    record UnknownPolicy(PolicyKind kind, long policyId) implements BulkChangeOutcome {
    }

    /** Some of the named listings are not in the workspace (the first few of them). */
    record UnknownListings(List<Long> listingIds) implements BulkChangeOutcome {
    }

    /** Selected listings are on other channels than the policy's. */
    record OtherChannels(String policyName, Channel policyChannel, List<Channel> others, long listings) implements BulkChangeOutcome {
    }

    /** The new inline policy's name is taken on its channel. */
    record PolicyNameTaken(Channel channel, String name) implements BulkChangeOutcome {
    }

    /** The selection spans several channels (or none), so an inline policy's channel is unclear. */
    record ChannelUnclear(List<Channel> channels) implements BulkChangeOutcome {
    }

    record Undone(long changeId, long restored) implements BulkChangeOutcome {
    }

    record UnknownChange(long changeId) implements BulkChangeOutcome {
    }

    /** Policies some listings had before the change were deleted since, so the change cannot be undone. */
    record PreviousPoliciesDeleted(long changeId, List<Long> policyIds) implements BulkChangeOutcome {
    }

    record AlreadyUndone(long changeId, Instant undoneAt) implements BulkChangeOutcome {
    }
}
