package dev.omnisync.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SynchronizationPolicyTest {

    @Test
    void priceAndQuantityAreOnWhenNoFieldsAreNamed() {
        var policy = SynchronizationPolicy.draft(Channel.EBAY, "Main", null);
        assertThat(policy.fields()).containsExactlyInAnyOrder(FieldKey.PRICE, FieldKey.QUANTITY);
    }

    @Test
    void aFieldTheChannelDoesNotOfferIsRefusedNamingFieldAndChannel() {
        assertThatThrownBy(() -> SynchronizationPolicy.draft(Channel.OTTO, "Otto", List.of("PRICE", "TITLE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OTTO Market does not offer TITLE; it offers PRICE, QUANTITY");
        assertThatThrownBy(() -> SynchronizationPolicy.draft(Channel.KAUFLAND, "K", List.of("TITLE", "FITMENT")))
                .hasMessageContaining("Kaufland does not offer TITLE, FITMENT; it offers PRICE, QUANTITY, GPSR");
    }

    @Test
    void unknownKeysAreRefused() {
        assertThatThrownBy(() -> SynchronizationPolicy.draft(Channel.EBAY, "x", List.of("COLOUR")))
                .hasMessageContaining("Unknown field key COLOUR").hasMessageContaining("eBay offers PRICE, QUANTITY, TITLE");
    }

    @Test
    void everyChannelAcceptsExactlyWhatItOffers() {
        for (Channel channel : Channel.values()) {
            for (FieldKey key : FieldKey.values()) {
                if (channel.offers(key)) {
                    assertThat(SynchronizationPolicy.draft(channel, "p", List.of(key.name())).enables(key)).isTrue();
                } else {
                    assertThatThrownBy(() -> SynchronizationPolicy.draft(channel, "p", List.of(key.name())))
                            .hasMessageContaining(channel.displayName()).hasMessageContaining(key.name());
                }
            }
        }
    }

    @Test
    void keysAreCaseInsensitiveAndDuplicatesCollapse() {
        assertThat(SynchronizationPolicy.draft(Channel.AMAZON, "a", List.of("title", "TITLE", "price")).fields())
                .containsExactlyInAnyOrder(FieldKey.TITLE, FieldKey.PRICE);
    }

    @Test
    void aPolicyMayEnableNothing() {
        assertThat(SynchronizationPolicy.draft(Channel.EBAY, "Paused", List.of()).fields()).isEmpty();
    }

    @Test
    void namesAreRequiredAndBounded() {
        assertThatThrownBy(() -> SynchronizationPolicy.draft(Channel.EBAY, null, null)).hasMessageContaining("name");
        assertThatThrownBy(() -> SynchronizationPolicy.draft(Channel.EBAY, "x".repeat(101), null)).hasMessageContaining("100");
    }

    @Test
    void defaultsAreNamedForTheirChannel() {
        var d = SynchronizationPolicy.channelDefault(Channel.EBAY);
        assertThat(d.name()).isEqualTo("eBay default");
        assertThat(d.isDefault()).isTrue();
        assertThat(d.fields()).isEqualTo(Set.of(FieldKey.PRICE, FieldKey.QUANTITY));
    }
}
