package dev.omnisync.sandbox;

/**
 * An injected failure. HTTP_429 / HTTP_500 answer the next {@code remaining} API calls of the channel (token
 * endpoints excepted) with the channel's own error; TIMEOUT holds a call for {@code millis} (default
 * {@code omnisync.sandbox.timeout}) and then answers 504 without applying it; SLOW holds it for {@code millis}
 * and then serves it; REJECT_SKU makes the channel reject that SKU's item (per-item error) {@code remaining} times.
 */
public final class Fault {

    public enum Type { HTTP_429, HTTP_500, TIMEOUT, REJECT_SKU, SLOW }

    public final Type type;
    public int remaining;
    public final String sku;
    public final Long millis;

    public Fault(Type type, int remaining, String sku, Long millis) {
        this.type = type;
        this.remaining = remaining;
        this.sku = sku;
        this.millis = millis;
    }
}
