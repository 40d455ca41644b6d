package dev.omnisync.policy;

/** The rule every policy name follows. */
final class PolicyNames {

    static final int MAX_LENGTH = 100;

    private PolicyNames() {
    }

    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A policy needs a name.");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A policy name has at most " + MAX_LENGTH + " characters (was " + stripped.length() + ").");
        }
        return stripped;
    }

    /** The name of a channel's default policy, e.g. "eBay default". */
    static String defaultName(dev.omnisync.channel.Channel channel) {
        return channel.displayName() + " default";
    }
}
