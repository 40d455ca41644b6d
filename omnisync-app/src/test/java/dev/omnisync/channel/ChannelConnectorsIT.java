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
        assertThat(beans).extracting(ChannelConnector::channel)
                .contains(Channel.EBAY, Channel.AMAZON, Channel.WALMART, Channel.KAUFLAND).doesNotHaveDuplicates();
        for (Channel channel : List.of(Channel.EBAY, Channel.AMAZON, Channel.WALMART, Channel.KAUFLAND)) {
            ChannelConnector connector = connectors.of(channel);
            assertThat(connector.channel()).isEqualTo(channel);
            assertThat(connector.limits()).isEqualTo(settings.limitsOf(channel));
        }
        assertThat(connectors.of(Channel.EBAY).limits().revisionsPerListingPerDay()).isEqualTo(250);
        assertThat(connectors.of(Channel.KAUFLAND).limits().batchSize()).isEqualTo(150);
    }
}
