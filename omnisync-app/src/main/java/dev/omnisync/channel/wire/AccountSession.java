package dev.omnisync.channel.wire;

import dev.omnisync.channel.spi.ConnectorAccount;

/**
 * What every channel client's per-push session holds: the account it talks to and how many HTTP attempts it made
 * (reported in {@code PushResult.calls}). Each client's {@code Session} extends this and adds its own calls.
 */
public abstract class AccountSession {

    protected final ConnectorAccount account;
    private int calls;

    protected AccountSession(ConnectorAccount account) {
        this.account = account;
    }

    public ConnectorAccount account() {
        return account;
    }

    /** HTTP attempts made so far (retries included). */
    public int calls() {
        return calls;
    }

    /** Counts one attempt; given to {@link Transport#send} as its per-try callback. */
    protected void countCall() {
        calls++;
    }
}
