package dev.omnisync.channel;

import java.util.Map;

/** Changes to a channel account; a null component leaves that setting as it is. */
public record AccountChanges(String name, String region, String currency, Boolean createStoreOrders, String baseUrl,
        PriceOwner priceManagedBy, Map<String, String> credentials) {

    public AccountChanges {
        name = name == null ? null : NewChannelAccount.requireName(name);
        region = NewChannelAccount.checkRegion(region);
        currency = currency == null ? null : NewChannelAccount.checkCurrency(currency);
        baseUrl = NewChannelAccount.checkBaseUrl(baseUrl);
        credentials = credentials == null ? null : NewChannelAccount.checkCredentials(credentials);
    }

    @Override
    public String toString() {
        return "AccountChanges[name=" + name + ", credentials=" + (credentials == null ? "unchanged" : "<redacted>") + "]";
    }
}
