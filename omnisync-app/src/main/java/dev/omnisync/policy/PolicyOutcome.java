package dev.omnisync.policy;

import dev.omnisync.channel.Channel;

/** What came of a request to create, edit or remove a policy. */
public sealed interface PolicyOutcome<P> {

    /** The policy was stored (created or edited). */
    record Saved<P>(P policy) implements PolicyOutcome<P> {
    }

    /** The policy was removed. */
    record Removed<P>(long policyId) implements PolicyOutcome<P> {
    }

    record NotFound<P>(long policyId) implements PolicyOutcome<P> {
    }

    /** Another policy of the channel has this name already. */
    record NameTaken<P>(Channel channel, String name) implements PolicyOutcome<P> {
    }

    /** Listings use the policy: the edit waits for the user to confirm this preview. Nothing changed. */
    record NeedsConfirmation<P>(PolicyPreview preview) implements PolicyOutcome<P> {
    }

    /** Listings use the policy, so it cannot be removed. */
    record InUse<P>(String name, long listings) implements PolicyOutcome<P> {
    }
}
