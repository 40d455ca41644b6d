package dev.omnisync.channel.web;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelField;
import dev.omnisync.channel.ChannelLimits;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final ChannelSettings settings;

    ChannelController(ChannelSettings settings) {
        this.settings = settings;
    }

    /** The eight channels with their field toggles and the limits in force. */
    @GetMapping
    List<ChannelView> channels() {
        return Arrays.stream(Channel.values())
                .map(c -> new ChannelView(c.name(), c.displayName(),
                        c.recommendedFields().stream().map(ChannelField::key).toList(),
                        c.optionalFields(), settings.limitsOf(c)))
                .toList();
    }

    record ChannelView(String channel, String name, List<FieldKey> recommendedFields, List<ChannelField> optionalFields,
            ChannelLimits limits) {
    }
}
