package dev.omnisync.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.spi.ChannelConnector;
import dev.omnisync.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The connectors are Spring beans, one per channel, found by channel through the registry. */
@IntegrationTest
class ChannelConnectorsIT {

    @Autowired
    ChannelConnectors connectors;

    @Autowired
    List<ChannelConnector> beans;

    @Autowired
    ChannelSettings settings;

    @Test
    void everyBuiltConnectorIsRegisteredByItsChannel() {
        assertThat(beans).extracting(ChannelConnector::channel).containsExactlyInAnyOrder(Channel.values());
        for (Channel channel : Channel.values()) {
            ChannelConnector connector = connectors.of(channel);
            assertThat(connector.channel()).isEqualTo(channel);
            assertThat(connector.limits()).isEqualTo(settings.limitsOf(channel));
        }
        assertThat(connectors.of(Channel.EBAY).limits().revisionsPerListingPerDay()).isEqualTo(250);
        assertThat(connectors.of(Channel.KAUFLAND).limits().batchSize()).isEqualTo(150);
        assertThat(connectors.of(Channel.TIKTOK_SHOP).limits().batchSize()).as("one product per call").isEqualTo(1);
        assertThat(connectors.of(Channel.TEMU).limits().batchSize()).as("one goods per call").isEqualTo(1);
        assertThat(connectors.of(Channel.OTTO).limits().batchSize()).isEqualTo(200);
        assertThat(connectors.of(Channel.MIRAKL).limits().minIntervalBetweenBatches()).isEqualTo(java.time.Duration.ofMinutes(1));
    }
}
