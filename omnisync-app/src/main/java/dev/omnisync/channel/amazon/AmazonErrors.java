package dev.omnisync.channel.amazon;

import dev.omnisync.channel.wire.StatusVerdicts;
import dev.omnisync.channel.wire.ThrottleStreak;
import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Classifies SP-API answers. Amazon documents no {@code Retry-After}: a 429 waits one token of the plan rate from
 * {@code x-amzn-RateLimit-Limit} (of this answer or the account's last one), else backs off exponentially while
 * 429s continue. 500/503 are retryable; 403 means refresh the LWA token once; other 4xx are the seller's data.
 */
final class AmazonErrors {

    private final AmazonSettings settings;
    private final TransportSettings transport;
    private final ThrottleStreak throttle;
    private final StatusVerdicts statuses;
    private final Map<Long, Double> lastRate = new ConcurrentHashMap<>();

    AmazonErrors(AmazonSettings settings) {
        this.settings = settings;
        this.statuses = new StatusVerdicts("Amazon", settings.transport(), Set.of(401, 403), AmazonErrors::message, AmazonErrors::code);
        this.throttle = new ThrottleStreak(settings.throttleBackoff(), settings.transport().maxBackoff());
        this.transport = settings.transport();
    }

    Verdict classify(long accountId, WireResponse r) {
        Double rate = rate(r);
        if (rate != null) {
            lastRate.put(accountId, rate);
        }
        int s = r.status();
        if (s == 429) {
            int streak = throttle.throttled(accountId);
            Double plan = rate != null ? rate : lastRate.get(accountId);
            Duration delay = r.retryAfterSeconds();
            if (delay == null && plan != null && plan > 0) {
                delay = Duration.ofMillis((long) Math.ceil(1000.0 / plan) << Math.min(streak - 1, 6));
            }
            if (delay == null) {
                delay = throttle.backoff(streak);
            }
            return new Verdict.Retryable(delay, "429 QuotaExceeded: " + message(WireJson.tree(r.body()), r));
        }
        throttle.ended(accountId);
        return statuses.of(r);
    }

    /** The plan rate of the last answer for the account (requests per second), if known. */
    Double lastRate(long accountId) {
        return lastRate.get(accountId);
    }

    static Double rate(WireResponse r) {
        String v = r.header("x-amzn-RateLimit-Limit");
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }


    /** The issues of an INVALID submission, as one message. */
    static String issues(JsonNode response) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode issue : response.path("issues")) {
            if ("ERROR".equals(WireJson.text(issue, "severity"))) {
                sb.append(sb.isEmpty() ? "" : "; ").append(WireJson.text(issue, "code")).append(" ").append(WireJson.text(issue, "message"));
            }
        }
        return sb.isEmpty() ? "submission INVALID" : sb.toString();
    }

    static String firstIssueCode(JsonNode response) {
        for (JsonNode issue : response.path("issues")) {
            if ("ERROR".equals(WireJson.text(issue, "severity"))) {
                return WireJson.text(issue, "code");
            }
        }
        return "INVALID";
    }

    static String message(JsonNode body, WireResponse r) {
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : errors) {
                String details = WireJson.text(e, "details");
                sb.append(sb.isEmpty() ? "" : "; ").append(WireJson.text(e, "code")).append(": ").append(WireJson.text(e, "message"))
                        .append(details == null || details.isBlank() ? "" : " (" + details + ")");
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
        String code = WireJson.text(body.path("errors").path(0), "code");
        return code != null ? code : String.valueOf(status);
    }
}
