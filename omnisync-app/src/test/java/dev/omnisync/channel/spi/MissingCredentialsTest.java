package dev.omnisync.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelSettings;
import dev.omnisync.channel.FieldKey;
import dev.omnisync.channel.mirakl.MiraklConnector;
import dev.omnisync.channel.mirakl.MiraklSettings;
import dev.omnisync.channel.otto.OttoConnector;
import dev.omnisync.channel.otto.OttoSettings;
import dev.omnisync.channel.temu.TemuConnector;
import dev.omnisync.channel.temu.TemuSettings;
import dev.omnisync.channel.tiktok.TiktokConnector;
import dev.omnisync.channel.tiktok.TiktokSettings;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account without its credentials is an account to fix: its items come back RetryLater, nothing throws. */
class MissingCredentialsTest {

    private final ChannelSettings limits = new ChannelSettings(Map.of());

    private static void retriedLater(ChannelConnector connector, String channelRef) {
        ConnectorAccount account = new ConnectorAccount(7, connector.channel(), "http://localhost:9", null, "EUR", Map.of());
        ItemUpdate u = new ItemUpdate(1, "SKU-1", channelRef, null, EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY),
                OfferValues.priceAndQuantity(new BigDecimal("9.99"), "EUR", 3));
        PushResult result = connector.push(account, List.of(u));
        assertThat(result.outcomes()).singleElement().isInstanceOfSatisfying(PushOutcome.RetryLater.class,
                r -> assertThat(r.delay()).isPositive());
        assertThat(connector.verifyNotification(account, Map.of("Authorization", "x"), "{}".getBytes())).isEmpty();
    }

    @Test
    void tiktok() {
        retriedLater(new TiktokConnector(limits, TiktokSettings.defaults()), "1/2");
    }

    @Test
    void temu() {
        retriedLater(new TemuConnector(limits, TemuSettings.defaults()), "1/2");
    }

    @Test
    void otto() {
        retriedLater(new OttoConnector(limits, OttoSettings.defaults()), null);
    }

    @Test
    void mirakl() {
        retriedLater(new MiraklConnector(limits, MiraklSettings.defaults()), "9001");
        assertThat(Channel.MIRAKL.documentedLimits().minIntervalBetweenBatches()).hasMinutes(1);
    }
}
