package dev.omnisync.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens a simulated channel has issued, with expiry and scopes. */
public final class SandboxTokens {

    public enum Check { VALID, EXPIRED, UNKNOWN }

    public record Issued(String token, Instant expires, Set<String> scopes) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

    public Issued issue(String prefix, Duration ttl, Set<String> scopes) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        Issued issued = new Issued(prefix + HexFormat.of().formatHex(bytes), Instant.now().plus(ttl), Set.copyOf(scopes));
        tokens.put(issued.token(), issued);
        return issued;
    }

    /** Registers a token the channel hands out by other means (e.g. pasted from a seller console). */
    public Issued register(String token, Duration ttl, Set<String> scopes) {
        Issued issued = new Issued(token, Instant.now().plus(ttl), Set.copyOf(scopes));
        tokens.put(token, issued);
        return issued;
    }

    public Check check(String token) {
        if (token == null) {
            return Check.UNKNOWN;
        }
        Issued issued = tokens.get(token);
        if (issued == null) {
            return Check.UNKNOWN;
        }
        return issued.expires().isAfter(Instant.now()) ? Check.VALID : Check.EXPIRED;
    }

    public Issued get(String token) {
        return token == null ? null : tokens.get(token);
    }

    /** Makes every issued token expired (for {@code _control/tokens/expire}). */
    public void expireAll() {
        tokens.replaceAll((k, v) -> new Issued(v.token(), Instant.now().minusSeconds(1), v.scopes()));
    }

    public void clear() {
        tokens.clear();
    }
}
