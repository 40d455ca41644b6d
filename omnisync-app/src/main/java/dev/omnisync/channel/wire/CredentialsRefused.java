package dev.omnisync.channel.wire;

/** The channel refused the account's credentials when asked for a token (wrong secret, revoked refresh token). */
public class CredentialsRefused extends RuntimeException {

    public CredentialsRefused(String message) {
        super(message);
    }
}
