package dev.omnisync.channel.wire;

import java.nio.charset.StandardCharsets;
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
}
