package dev.omnisync.channel;

/** What became of a request to remove a channel account. */
public sealed interface AccountRemoval {

    record Removed(long accountId) implements AccountRemoval { }

    record NotFound(long accountId) implements AccountRemoval { }

    /** Listings still point at the account; they must be unlinked first so that no listing is orphaned. */
    record StillInUse(long accountId) implements AccountRemoval { }
}
