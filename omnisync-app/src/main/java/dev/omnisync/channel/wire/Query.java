package dev.omnisync.channel.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a query string in a fixed order with every value percent-encoded ({@code :} → {@code %3A},
 * {@code [} → {@code %5B}), so the URI sent is exactly the URI signed.
 */
public final class Query {

    private final List<String> parts = new ArrayList<>();

    public static Query of() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value != null) {
            parts.add(encode(name) + "=" + encode(String.valueOf(value)));
        }
        return this;
    }

    /** Adds a value that is already encoded (e.g. a channel's own next-page cursor). */
    public Query addRaw(String name, String encodedValue) {
        if (encodedValue != null) {
            parts.add(encode(name) + "=" + encodedValue);
        }
        return this;
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
