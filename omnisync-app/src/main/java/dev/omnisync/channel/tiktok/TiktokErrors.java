package dev.omnisync.channel.tiktok;

import dev.omnisync.channel.wire.ThrottleStreak;
import dev.omnisync.channel.wire.TransportSettings;
import dev.omnisync.channel.wire.Verdict;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Classifies TikTok Shop answers. The envelope {@code code} decides (0 = success, even when per-SKU errors sit in
 * {@code data.errors}): 36009002/429 throttled (Retry-After, else a growing backoff per account); 36009003/36009007
 * and 5xx retryable; 105002 token expired; signing, app, token, scope and shop-cipher problems (106001, 36009004,
 * 105005, 101000, 106013) are the account's, retried later rather than quarantining listings; anything else
 * refuses the item with TikTok's code and words.
 */
final class TiktokErrors {

    private static final Set<Long> ACCOUNT_PROBLEMS = Set.of(106001L, 36009004L, 105005L, 101000L, 106013L, 36004004L);

    private final TiktokSettings settings;
    private final TransportSettings transport;
    private final ThrottleStreak throttle;

    TiktokErrors(TiktokSettings settings) {
        this.settings = settings;
        this.throttle = new ThrottleStreak(settings.throttleBackoff(), settings.transport().maxBackoff());
        this.transport = settings.transport();
    }

    Verdict classify(long accountId, WireResponse r) {
        JsonNode body = WireJson.tree(r.body());
        long code = TiktokClient.code(body);
        String message = message(body, r);
        if (r.status() == 429 || code == 36009002) {
            int streak = throttle.throttled(accountId);
            Duration delay = r.retryAfterSeconds();
            return new Verdict.Retryable(delay != null ? delay : throttle.backoff(streak), "429 rate limited by TikTok Shop (" + code + ")");
        }
        throttle.ended(accountId);
        if (r.isSuccess() && code == 0) {
            return Verdict.OK;
        }
        if (r.isServerError() || code == 36009003 || code == 36009007) {
            return new Verdict.Retryable(transport.backoff(transport.maxAttempts()), "TikTok Shop " + r.status() + " (" + code + "): " + message);
        }
        if (code == 105002) {
            return new Verdict.AuthExpired("TikTok Shop access token expired: " + message);
        }
        if (ACCOUNT_PROBLEMS.contains(code) || r.status() == 401 || r.status() == 403) {
            return new Verdict.Retryable(transport.maxBackoff(), "TikTok Shop refused the account's credentials (HTTP " + r.status()
                    + ", " + code + "): " + message);
        }
        return new Verdict.Permanent(code < 0 ? String.valueOf(r.status()) : String.valueOf(code), message);
    }

    /** The per-SKU errors inside a {@code code: 0} answer, by SKU id. */
    static Map<String, Verdict> skuErrors(WireResponse r) {
        Map<String, Verdict> out = new java.util.HashMap<>();
        for (JsonNode e : WireJson.tree(r.body()).path("data").path("errors")) {
            String skuId = WireJson.text(e.path("detail"), "sku_id");
            if (skuId != null) {
                out.put(skuId, new Verdict.Permanent(e.path("code").asString("?"), String.valueOf(WireJson.text(e, "message"))));
            }
        }
        return out;
    }



    static String message(JsonNode body, WireResponse r) {
        String m = WireJson.text(body, "message");
        if (m != null && !m.isBlank()) {
            return m;
        }
        return r.bodyExcerpt();
    }
}
