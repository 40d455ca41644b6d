package dev.omnisync.channel.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * A channel's answer as received: status, headers and the raw body.
 */
public record WireResponse(int status, HttpHeaders headers, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isServerError() {
        return status >= 500;
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** A header value, or null. */
    public String header(String name) {
        return headers.getFirst(name);
    }

    /** The body text cut to 300 characters for a message, or "HTTP status" when the body is empty. */
    public String bodyExcerpt() {
        String text = bodyText();
        return text.isBlank() ? "HTTP " + status : text.length() > 300 ? text.substring(0, 300) : text;
    }

    /** {@code Retry-After} read as (possibly fractional) seconds; null when absent or not a number. */
    public Duration retryAfterSeconds() {
        String v = header("Retry-After");
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
