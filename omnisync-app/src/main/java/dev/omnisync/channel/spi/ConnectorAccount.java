package dev.omnisync.channel.spi;

import dev.omnisync.channel.Channel;
import java.util.Map;
import java.util.Objects;

/**
 * What a connector needs to know about a channel account to talk to the channel.
 *
 * @param accountId   the channel account's id in Omnisync (tokens are cached per account)
 * @param channel     the account's channel
 * @param baseUrl     the API root, e.g. {@code https://api.ebay.com} or a sandbox's {@code http://host/sandbox/ebay}
 * @param region      the channel's region or marketplace (eBay marketplace id, Amazon marketplace id, Kaufland storefront)
 * @param currency    ISO 4217 currency of the account's prices
 * @param credentials the account's secrets, already decrypted by the caller; never logged, redacted by {@link #toString()}
 */
public record ConnectorAccount(long accountId, Channel channel, String baseUrl, String region, String currency,
        Map<String, String> credentials) {

    public ConnectorAccount {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    /** A credential the connector cannot work without; {@link MissingCredential} when the account lacks it. */
    public String credential(String name) {
        String value = credentials.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingCredential("account " + accountId + " (" + channel + ") has no credential '" + name + "'");
        }
        return value;
    }

    /** A credential that may be absent. */
    public String credentialOr(String name, String fallback) {
        String value = credentials.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "ConnectorAccount[accountId=" + accountId + ", channel=" + channel + ", baseUrl=" + baseUrl + ", region="
                + region + ", currency=" + currency + ", credentials=" + credentials.keySet() + " (redacted)]";
    }
}
