package dev.omnisync.channel.kaufland;

import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.wire.ThrottleStreak;
import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Classifies Kaufland answers. 429 carries no advice, so waits grow exponentially from
 * {@link KauflandSettings#throttleBackoff()} per account while 429s continue; 5xx and per-unit 500 entries are
 * retryable; 400 (and per-unit 400) are the seller's data; 401 means the keys or clock are wrong (account-level:
 * retried later rather than quarantining listings).
 */
final class KauflandErrors {

    private final KauflandSettings settings;
    private final TransportSettings transport;
    private final ThrottleStreak throttle;

    KauflandErrors(KauflandSettings settings) {
        this.settings = settings;
        this.throttle = new ThrottleStreak(settings.throttleBackoff(), settings.transport().maxBackoff());
        this.transport = settings.transport();
    }

    Verdict classify(ConnectorAccount account, WireResponse r) {
        long accountId = account.accountId();
        int s = r.status();
        if (s == 429) {
            int streak = throttle.throttled(accountId);
            Duration delay = r.retryAfterSeconds();
            if (delay == null) {
                delay = throttle.backoff(streak);
            }
            return new Verdict.Retryable(delay, "429 rate limited by Kaufland");
        }
        throttle.ended(accountId);
        if (r.isSuccess()) {
            return Verdict.OK;
        }
        JsonNode body = WireJson.tree(r.body());
        String message = message(body, r);
        if (s >= 500) {
            return new Verdict.Retryable(transport.backoff(transport.maxAttempts()), "Kaufland " + s + ": " + message);
        }
        if (s == 401) {
            return new Verdict.Retryable(transport.maxBackoff(), "Kaufland 401, credentials refused (" + problemType(body) + "): " + message);
        }
        return new Verdict.Permanent(problemCode(body, s), message);
    }

    /** One entry of a {@code units/bulk} 207 answer. */
    Verdict classifyUnit(JsonNode entry) {
        int s = entry.path("status_code").asInt(0);
        if (s >= 200 && s < 300) {
            return Verdict.OK;
        }
        String message = message(entry, null);
        if (s >= 500 || s == 429) {
            return new Verdict.Retryable(transport.backoff(1), "Kaufland unit " + s + ": " + message);
        }
        return new Verdict.Permanent(String.valueOf(s), message);
    }



    static String message(JsonNode body, WireResponse r) {
        StringBuilder sb = new StringBuilder();
        String m = WireJson.text(body, "message");
        if (m != null) {
            sb.append(m);
        }
        for (JsonNode e : body.path("errors")) {
            String field = WireJson.text(e, "field");
            String em = WireJson.text(e, "message");
            if (em != null) {
                sb.append(sb.isEmpty() ? "" : "; ").append(field == null ? "" : field + ": ").append(em);
            }
        }
        if (sb.isEmpty() && r != null) {
            sb.append(r.bodyExcerpt());
        }
        return sb.toString();
    }

    private static String problemType(JsonNode body) {
        String type = WireJson.text(body, "type");
        return type == null ? "no problem type" : type;
    }

    private static String problemCode(JsonNode body, int status) {
        String type = WireJson.text(body, "type");
        return type == null ? String.valueOf(status) : type;
    }
}
