package dev.omnisync.channel.mirakl;

import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Classifies Mirakl answers by HTTP status: 429 (the once-a-minute limits) waits for {@code Retry-After} or the
 * configured throttle backoff; 5xx retryable; 401/403 are the account's key (retried later, no quarantine); other
 * 4xx refuse the items with Mirakl's {@code message}.
 */
final class MiraklErrors {

    private final MiraklSettings settings;
    private final TransportSettings transport;

    MiraklErrors(MiraklSettings settings) {
        this.settings = settings;
        this.transport = settings.transport();
    }

    Verdict classify(WireResponse r) {
        if (r.isSuccess()) {
            return Verdict.OK;
        }
        String message = message(WireJson.tree(r.body()), r);
        if (r.status() == 429) {
            Duration delay = retryAfter(r);
            return new Verdict.Retryable(delay != null ? delay : settings.throttleBackoff(), "429 Mirakl allows this call once a minute: " + message);
        }
        if (r.isServerError()) {
            return new Verdict.Retryable(transport.backoff(transport.maxAttempts()), "Mirakl " + r.status() + ": " + message);
        }
        if (r.status() == 401 || r.status() == 403) {
            return new Verdict.Retryable(transport.maxBackoff(), "Mirakl " + r.status() + ", the shop API key was refused: " + message);
        }
        return new Verdict.Permanent(String.valueOf(r.status()), message);
    }

    private static Duration retryAfter(WireResponse r) {
        String v = r.header("Retry-After");
        try {
            return v == null ? null : Duration.ofSeconds(Math.max(1, Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String message(JsonNode body, WireResponse r) {
        String m = WireJson.text(body, "message");
        if (m != null && !m.isBlank()) {
            return m;
        }
        return r.bodyExcerpt();
    }
}
