package dev.omnisync.channel.temu;

import dev.omnisync.channel.wire.ThrottleStreak;
import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Classifies Temu answers by {@code success}/{@code errorCode} (HTTP is 200 for gateway and business errors alike):
 * 4000004 throttled (no advice: a growing backoff per account); 4000000, 150010002, 150010005, 2000000, 7000000
 * and HTTP 5xx retryable; timestamp errors retried at once; token expiry (3000031/3000034) renews the token; sign,
 * app key, scope and IP problems are the account's (retried later, no quarantine); anything else refuses the item
 * with Temu's code and message.
 */
final class TemuErrors {

    private static final Set<Long> TRANSIENT = Set.of(4000000L, 150010002L, 150010005L, 2000000L, 7000000L);
    private static final Set<Long> CLOCK = Set.of(3000010L, 3000011L, 3000012L);

    private final TemuSettings settings;
    private final TransportSettings transport;
    private final ThrottleStreak throttle;

    TemuErrors(TemuSettings settings) {
        this.settings = settings;
        this.throttle = new ThrottleStreak(settings.throttleBackoff(), settings.transport().maxBackoff());
        this.transport = settings.transport();
    }

    Verdict classify(long accountId, WireResponse r) {
        JsonNode body = WireJson.tree(r.body());
        long code = TemuClient.code(body);
        String message = message(body, r);
        if (code == 4000004 || r.status() == 429) {
            int streak = throttle.throttled(accountId);
            return new Verdict.Retryable(throttle.backoff(streak),
                    "429 rate limited by Temu (4000004 " + message + ")");
        }
        throttle.ended(accountId);
        if (r.isSuccess() && body.path("success").asBoolean(false)) {
            return Verdict.OK;
        }
        if (r.isServerError() || TRANSIENT.contains(code)) {
            return new Verdict.Retryable(transport.backoff(transport.maxAttempts()), "Temu " + r.status() + " (" + code + "): " + message);
        }
        if (CLOCK.contains(code)) {
            return new Verdict.Retryable(transport.backoff(1), "Temu refused the timestamp (" + code + "): " + message);
        }
        if (code == 3000031 || code == 3000034) {
            return new Verdict.AuthExpired("Temu access token refused (" + code + "): " + message);
        }
        if ((code >= 3000001 && code <= 3000004) || (code >= 3000013 && code <= 3000040) || code == 5000000 || code == 5000003
                || !r.isSuccess()) {
            return new Verdict.Retryable(transport.maxBackoff(), "Temu refused the account's credentials or app (" + code + "): " + message);
        }
        return new Verdict.Permanent(String.valueOf(code), message);
    }

    static String message(JsonNode body, WireResponse r) {
        String m = WireJson.text(body, "errorMsg");
        if (m != null && !m.isBlank()) {
            return m;
        }
        return r.bodyExcerpt();
    }
}
