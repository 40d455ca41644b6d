package dev.omnisync.channel.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Access tokens cached per account until shortly before they expire (OAuth-style clients share one per account). */
public final class TokenCache {

    private final Map<Long, AccessToken> tokens = new ConcurrentHashMap<>();

    /**
     * The account's cached token, or a new one from {@code fetch} when renewing, when none is cached or when the
     * cached one expires within {@code margin}.
     */
    public String token(long accountId, boolean renew, Instant now, Duration margin, Supplier<AccessToken> fetch) {
        AccessToken t = tokens.get(accountId);
        if (renew || t == null || !t.validAt(now, margin)) {
            t = fetch.get();
            tokens.put(accountId, t);
        }
        return t.value();
    }
}
