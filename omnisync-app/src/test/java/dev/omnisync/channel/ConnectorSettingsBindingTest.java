package dev.omnisync.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.amazon.AmazonSettings;
import dev.omnisync.channel.ebay.EbaySettings;
import dev.omnisync.channel.kaufland.KauflandSettings;
import dev.omnisync.channel.walmart.WalmartSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Connector settings bind from {@code omnisync.channels.<ch>.*} and keep documented defaults for what is left out. */
class ConnectorSettingsBindingTest {

    private final Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
            "omnisync.channels.amazon.feed-threshold", "10",
            "omnisync.channels.amazon.read-timeout", "3s",
            "omnisync.channels.ebay.scopes[0]", "https://api.ebay.com/oauth/api_scope/sell.inventory",
            "omnisync.channels.ebay.marketplace-id", "EBAY_DE",
            "omnisync.channels.walmart.single-update-max", "4",
            "omnisync.channels.kaufland.user-agent", "Acme/2.0",
            "omnisync.channels.limits.KAUFLAND.batch-size", "100",
            "omnisync.channels.limits.WALMART.quantity-cuts-between-batches", "3")));

    @Test
    void bindsOverridesAndKeepsDefaults() {
        AmazonSettings amazon = binder.bind("omnisync.channels.amazon", AmazonSettings.class).get();
        assertThat(amazon.feedThreshold()).isEqualTo(10);
        assertThat(amazon.transport().readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(amazon.patchesPerSecond()).isEqualTo(5.0);
        assertThat(amazon.transport().maxAttempts()).isEqualTo(3);
        EbaySettings ebay = binder.bind("omnisync.channels.ebay", EbaySettings.class).get();
        assertThat(ebay.scopes()).containsExactly("https://api.ebay.com/oauth/api_scope/sell.inventory");
        assertThat(ebay.marketplaceId()).isEqualTo("EBAY_DE");
        assertThat(ebay.contentLanguage()).isEqualTo("en-US");
        assertThat(binder.bind("omnisync.channels.walmart", WalmartSettings.class).get().singleUpdateMax()).isEqualTo(4);
        KauflandSettings kaufland = binder.bind("omnisync.channels.kaufland", KauflandSettings.class).get();
        assertThat(kaufland.userAgent()).isEqualTo("Acme/2.0");
        assertThat(kaufland.storefront()).isEqualTo("de");
        ChannelSettings limits = binder.bind("omnisync.channels", ChannelSettings.class).get();
        assertThat(limits.limitsOf(Channel.KAUFLAND).batchSize()).isEqualTo(100);
        assertThat(limits.limitsOf(Channel.EBAY).batchSize()).isEqualTo(25);
        assertThat(limits.limitsOf(Channel.WALMART).quantityCutsBetweenBatches()).isEqualTo(3);
        assertThat(limits.limitsOf(Channel.WALMART).minIntervalBetweenBatches()).isEqualTo(Duration.ofMinutes(6));
    }
}
