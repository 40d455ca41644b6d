package dev.omnisync.channel;

import java.net.URI;
import java.util.Currency;
import java.util.Map;

/**
 * A channel account to register. Checked on construction, so an invalid one never reaches the database.
 *
 * @param credentials the channel's secrets (client id/secret, refresh token, API key ...); sealed by the
 *                    {@link CredentialVault} and never returned
 */
public record NewChannelAccount(Channel channel, String name, String region, String currency, boolean createStoreOrders,
        String baseUrl, Map<String, String> credentials, boolean sandbox) {

    static final int MAX_CREDENTIAL_KEYS = 20;
    static final int MAX_CREDENTIAL_LENGTH = 8192;

    public NewChannelAccount {
        if (channel == null) {
            throw new IllegalArgumentException("'channel' is required: one of " + Channel.allNames() + ".");
        }
        name = requireName(name);
        region = checkRegion(region);
        currency = checkCurrency(currency);
        baseUrl = checkBaseUrl(baseUrl);
        credentials = checkCredentials(credentials);
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'name' is required.");
        }
        if (name.length() > 100) {
            throw new IllegalArgumentException("'name' must have at most 100 characters.");
        }
        return name.strip();
    }

    static String checkRegion(String region) {
        if (region != null && (region.isBlank() || region.length() > 40)) {
            throw new IllegalArgumentException("'region' must have 1 to 40 characters (e.g. EBAY_DE, A1PA6795UKMFR9, de).");
        }
        return region == null ? null : region.strip();
    }

    static String checkCurrency(String currency) {
        if (currency == null) {
            throw new IllegalArgumentException("'currency' is required: an ISO 4217 code such as EUR or USD.");
        }
        try {
            return Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'currency' " + currency + " is not an ISO 4217 code such as EUR or USD.");
        }
    }

    static String checkBaseUrl(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        try {
            URI uri = URI.create(baseUrl.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return baseUrl.strip().replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'baseUrl' must be an absolute http(s) URL, not '" + baseUrl + "'.");
        }
    }

    static Map<String, String> checkCredentials(Map<String, String> credentials) {
        if (credentials == null) {
            return Map.of();
        }
        if (credentials.size() > MAX_CREDENTIAL_KEYS) {
            throw new IllegalArgumentException("'credentials' may have at most " + MAX_CREDENTIAL_KEYS + " entries.");
        }
        credentials.forEach((k, v) -> {
            if (k == null || k.isBlank() || k.length() > 100) {
                throw new IllegalArgumentException("Every credentials key needs 1 to 100 characters.");
            }
            if (v == null || v.length() > MAX_CREDENTIAL_LENGTH) {
                throw new IllegalArgumentException("credentials '" + k + "' needs a value of at most " + MAX_CREDENTIAL_LENGTH + " characters.");
            }
        });
        return Map.copyOf(credentials);
    }

    @Override
    public String toString() {
        return "NewChannelAccount[channel=" + channel + ", name=" + name + ", credentials=<" + credentials.size() + " redacted>]";
    }
}
