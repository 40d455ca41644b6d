package dev.omnisync.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnisync.channel.kaufland.KauflandConnector;
import dev.omnisync.channel.kaufland.KauflandSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelConnectorsTest {

    private final ChannelSettings settings = new ChannelSettings(Map.of());

    @Test
    void findsConnectorsByChannelAndSaysWhichAreMissing() {
        ChannelConnectors connectors = new ChannelConnectors(List.of(new KauflandConnector(settings, KauflandSettings.defaults())));
        assertThat(connectors.find(Channel.KAUFLAND)).isPresent();
        assertThat(connectors.find(Channel.OTTO)).isEmpty();
        assertThatThrownBy(() -> connectors.of(Channel.OTTO)).isInstanceOf(IllegalStateException.class).hasMessageContaining("OTTO");
    }

    @Test
    void refusesTwoConnectorsForOneChannel() {
        assertThatThrownBy(() -> new ChannelConnectors(List.of(new KauflandConnector(settings, KauflandSettings.defaults()),
                new KauflandConnector(settings, KauflandSettings.defaults()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two connectors for KAUFLAND");
    }
}
