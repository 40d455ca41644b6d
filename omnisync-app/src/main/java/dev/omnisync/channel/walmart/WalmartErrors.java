package dev.omnisync.channel.walmart;

import dev.omnisync.channel.wire.StatusVerdicts;
import dev.omnisync.channel.wire.ThrottleStreak;
import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Classifies Walmart answers. A 429 waits until {@code X-Next-Replenishment-Time} (epoch milliseconds) or
 * {@code Retry-After} when sent, else backs off exponentially while 429s continue. 5xx are retryable; 401 means a new
 * token; other 4xx are the seller's data. Error bodies come in three shapes ({@code errors[]},
 * {@code errors.error[]}, {@code errors.error{}}); all are read.
 */
final class WalmartErrors {

    private final WalmartSettings settings;
    private final TransportSettings transport;
    private final Clock clock;
    private final ThrottleStreak throttle;
    private final StatusVerdicts statuses;

    WalmartErrors(WalmartSettings settings, Clock clock) {
        this.settings = settings;
        this.statuses = new StatusVerdicts("Walmart", settings.transport(), Set.of(401), WalmartErrors::message, WalmartErrors::code);
        this.throttle = new ThrottleStreak(settings.throttleBackoff(),
                Collections.max(List.of(settings.transport().maxBackoff(), settings.throttleBackoff())));
        this.transport = settings.transport();
        this.clock = clock;
    }

    Verdict classify(long accountId, WireResponse r) {
        int s = r.status();
        if (s == 429) {
            int streak = throttle.throttled(accountId);
            Duration delay = replenishment(r);
            if (delay == null) {
                delay = throttle.backoff(streak);
            }
            return new Verdict.Retryable(delay, "429 " + message(WireJson.tree(r.body()), r));
        }
        throttle.ended(accountId);
        return statuses.of(r);
    }

    /** When the throttle refills: {@code X-Next-Replenishment-Time} (epoch ms), else {@code Retry-After} seconds. */
    Duration replenishment(WireResponse r) {
        String next = r.header("X-Next-Replenishment-Time");
        if (next != null) {
            try {
                long at = Long.parseLong(next.strip());
                Duration d = Duration.between(clock.instant(), Instant.ofEpochMilli(at));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // fall through to Retry-After
            }
        }
        return r.retryAfterSeconds();
    }

    /** The error objects in any of Walmart's three shapes. */
    static List<JsonNode> errorObjects(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode errors = body.path("errors");
        JsonNode list = errors.isArray() ? errors : errors.path("error");
        if (list.isArray()) {
            list.forEach(out::add);
        } else if (list.isObject()) {
            out.add(list);
        }
        return out;
    }

    static String message(JsonNode body, WireResponse r) {
        List<JsonNode> errors = errorObjects(body);
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : errors) {
                String d = WireJson.text(e, "description");
                sb.append(sb.isEmpty() ? "" : "; ").append(WireJson.text(e, "code")).append(d == null ? "" : ": " + d);
            }
            return sb.toString();
        }
        String oauth = WireJson.text(body, "error_description");
        if (oauth != null) {
            return WireJson.text(body, "error") + ": " + oauth;
        }
        return r == null ? "HTTP ?" : r.bodyExcerpt();
    }

    static String code(JsonNode body, int status) {
        List<JsonNode> errors = errorObjects(body);
        String code = errors.isEmpty() ? null : WireJson.text(errors.get(0), "code");
        return code != null ? code : String.valueOf(status);
    }

    /** The ingestion errors of one feed item (array or single object), as code and message. */
    static String[] ingestionError(JsonNode item) {
        JsonNode errs = item.path("ingestionErrors").path("ingestionError");
        JsonNode first = errs.isArray() ? errs.path(0) : errs;
        StringBuilder sb = new StringBuilder();
        (errs.isArray() ? errs : List.of(errs)).forEach(e -> {
            String d = WireJson.text(e, "description");
            if (d != null) {
                sb.append(sb.isEmpty() ? "" : "; ").append(d);
            }
        });
        String code = WireJson.text(first, "code");
        return new String[] {code == null ? WireJson.text(item, "ingestionStatus") : code,
                sb.isEmpty() ? String.valueOf(WireJson.text(item, "ingestionStatus")) : sb.toString()};
    }
}
