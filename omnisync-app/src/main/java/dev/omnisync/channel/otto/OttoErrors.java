package dev.omnisync.channel.otto;

import dev.omnisync.channel.wire.ThrottleStreak;
import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Classifies OTTO answers: 429 throttled (Retry-After, else a growing backoff per account); 5xx retryable; 401
 * after a fresh token and 403 (scope missing) are the account's, retried later without quarantining listings;
 * 400/404/409 refuse the items with OTTO's {@code errors[].title}/{@code detail}; 413 means the batch must be split.
 */
final class OttoErrors {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final OttoSettings settings;
    private final TransportSettings transport;
    private final ThrottleStreak throttle;

    OttoErrors(OttoSettings settings) {
        this.settings = settings;
        this.throttle = new ThrottleStreak(settings.throttleBackoff(), settings.transport().maxBackoff());
        this.transport = settings.transport();
    }

    Verdict classify(long accountId, WireResponse r) {
        if (r.status() == 429) {
            int streak = throttle.throttled(accountId);
            Duration delay = retryAfter(r);
            if (delay == null) {
                delay = throttle.backoff(streak);
            }
            return new Verdict.Retryable(delay, "429 rate limited by OTTO");
        }
        throttle.ended(accountId);
        if (r.isSuccess()) {
            return Verdict.OK;
        }
        JsonNode body = WireJson.tree(r.body());
        String message = message(body, r);
        if (r.isServerError()) {
            return new Verdict.Retryable(transport.backoff(transport.maxAttempts()), "OTTO " + r.status() + ": " + message);
        }
        if (r.status() == 401 || r.status() == 403) {
            return new Verdict.Retryable(transport.maxBackoff(), "OTTO " + r.status() + ", token or scope refused: " + message);
        }
        return new Verdict.Permanent(String.valueOf(r.status()), message);
    }

    /** The errors of a refused batch by the index of the item they name ({@code jsonPath} "[3].quantity"). */
    static Map<Integer, Verdict> errorsByIndex(WireResponse r) {
        Map<Integer, Verdict> out = new LinkedHashMap<>();
        for (JsonNode e : WireJson.tree(r.body()).path("errors")) {
            String path = WireJson.text(e, "jsonPath");
            Matcher m = path == null ? null : INDEX.matcher(path);
            if (m != null && m.find()) {
                int i = Integer.parseInt(m.group(1));
                String text = describe(e);
                out.merge(i, new Verdict.Permanent(e.path("code").asString(String.valueOf(r.status())), text),
                        (a, b) -> new Verdict.Permanent(((Verdict.Permanent) a).code(), ((Verdict.Permanent) a).message() + "; " + text));
            }
        }
        return out;
    }

    static String describe(JsonNode e) {
        String title = WireJson.text(e, "title");
        String detail = WireJson.text(e, "detail");
        return title == null ? String.valueOf(detail) : detail == null ? title : title + ": " + detail;
    }

    private static Duration retryAfter(WireResponse r) {
        String v = r.header("Retry-After");
        try {
            return v == null ? null : Duration.ofSeconds(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String message(JsonNode body, WireResponse r) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : body.path("errors")) {
            sb.append(sb.isEmpty() ? "" : "; ").append(describe(e));
        }
        if (sb.isEmpty()) {
            sb.append(r.bodyExcerpt());
        }
        return sb.toString();
    }
}
