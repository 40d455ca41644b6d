package dev.omnisync.channel;

import dev.omnisync.channel.spi.ChannelConnector;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The connectors there are, by channel (one per channel; channels without a connector yet are simply absent). */
@Component
public class ChannelConnectors {

    private final Map<Channel, ChannelConnector> byChannel = new EnumMap<>(Channel.class);

    public ChannelConnectors(List<ChannelConnector> connectors) {
        for (ChannelConnector c : connectors) {
            ChannelConnector previous = byChannel.put(c.channel(), c);
            if (previous != null) {
                throw new IllegalStateException("two connectors for " + c.channel() + ": " + previous.getClass().getName()
                        + " and " + c.getClass().getName());
            }
        }
    }

    /** The channel's connector, if one is built. */
    public Optional<ChannelConnector> find(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    /** The channel's connector; a channel without one is a broken invariant. */
    public ChannelConnector of(Channel channel) {
        return find(channel).orElseThrow(() -> new IllegalStateException("no connector for " + channel));
    }

    public Collection<ChannelConnector> all() {
        return byChannel.values();
    }
}
