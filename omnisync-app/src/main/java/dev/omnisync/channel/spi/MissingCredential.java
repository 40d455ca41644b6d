package dev.omnisync.channel.spi;

/**
 * The account lacks a credential its connector needs. Connectors answer it like refused credentials: the items
 * come back RetryLater (an account to fix, not listings to quarantine).
 */
public class MissingCredential extends IllegalStateException {

    public MissingCredential(String message) {
        super(message);
    }
}
