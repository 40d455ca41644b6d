package dev.omnisync.channel.ebay;

import dev.omnisync.channel.wire.StatusVerdicts;
import dev.omnisync.channel.wire.ThrottleStreak;
import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Classifies eBay answers. eBay documents daily quotas and no rate headers: a 429 honours a {@code Retry-After}
 * when one is sent, else backs off exponentially per account while 429s continue. 5xx (25001 system error, 25025
 * concurrent access) are retryable; 401 means refresh the token; other 4xx and per-entry errors are the seller's data,
 * except a listing's spent daily revision budget, which waits for the next UTC day.
 */
final class EbayErrors {

    private final EbaySettings settings;
    private final TransportSettings transport;
    private final ThrottleStreak throttle;
    private final StatusVerdicts statuses;
    private final java.time.Clock clock;

    EbayErrors(EbaySettings settings) {
        this(settings, java.time.Clock.systemUTC());
    }

    EbayErrors(EbaySettings settings, java.time.Clock clock) {
        this.settings = settings;
        this.statuses = new StatusVerdicts("eBay", settings.transport(), Set.of(401), EbayErrors::message, EbayErrors::code);
        this.throttle = new ThrottleStreak(settings.throttleBackoff(),
                Collections.max(List.of(settings.transport().maxBackoff(), settings.throttleBackoff())));
        this.transport = settings.transport();
        this.clock = clock;
    }

    Verdict classify(long accountId, WireResponse r) {
        int s = r.status();
        if (s == 429) {
            int streak = throttle.throttled(accountId);
            Duration delay = r.retryAfterSeconds();
            return new Verdict.Retryable(delay != null ? delay : throttle.backoff(streak), "429 eBay call limit reached: " + message(WireJson.tree(r.body()), r));
        }
        throttle.ended(accountId);
        return statuses.of(r);
    }

    /** One entry of a bulk answer ({@code statusCode} + {@code errors[]}). */
    Verdict classifyEntry(JsonNode entry) {
        int s = entry.path("statusCode").asInt(0);
        if (s >= 200 && s < 300) {
            return Verdict.OK;
        }
        if (s >= 500 || s == 429) {
            return new Verdict.Retryable(transport.backoff(1), "eBay entry " + s + ": " + message(entry, null));
        }
        String message = message(entry, null);
        if (isDailyRevisionLimit(message)) {
            // the listing's 250 revisions for today are spent: nothing wrong with the data, it waits for the next day
            return new Verdict.Retryable(untilNextUtcDay(clock.instant()), "eBay daily revision limit: " + message);
        }
        return new Verdict.Permanent(code(entry, s), message);
    }

    static boolean isDailyRevisionLimit(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("revision") && (m.contains("limit") || m.contains("exceed"));
    }

    static Duration untilNextUtcDay(java.time.Instant now) {
        java.time.Instant midnight = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return Duration.between(now, midnight);
    }



    static String message(JsonNode body, WireResponse r) {
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : errors) {
                String m = WireJson.text(e, "message");
                sb.append(sb.isEmpty() ? "" : "; ").append(m == null ? WireJson.text(e, "longMessage") : m);
            }
            return sb.toString();
        }
        String oauth = WireJson.text(body, "error_description");
        if (oauth != null) {
            return WireJson.text(body, "error") + ": " + oauth;
        }
        if (r == null) {
            return "no error detail";
        }
        return r.bodyExcerpt();
    }

    static String code(JsonNode body, int status) {
        JsonNode first = body.path("errors").path(0);
        String id = WireJson.text(first, "errorId");
        return id != null ? id : String.valueOf(status);
    }
}
