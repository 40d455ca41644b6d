package dev.omnisync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.FieldKey;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionBudgetsTest {

    private final RevisionBudgets budgets = new RevisionBudgets(null);
    private final Set<FieldKey> priceAndQuantity = EnumSet.of(FieldKey.PRICE, FieldKey.QUANTITY);

    @Test
    void eBaysLastTenthOfTheDailyRevisionsIsKeptForQuantity() {
        var ebay = Channel.EBAY.documentedLimits();
        assertThat(budgets.allowed(priceAndQuantity, 0, ebay)).isEqualTo(priceAndQuantity);
        assertThat(budgets.allowed(priceAndQuantity, 224, ebay)).isEqualTo(priceAndQuantity);
        assertThat(budgets.allowed(priceAndQuantity, 225, ebay)).containsExactly(FieldKey.QUANTITY);
        assertThat(budgets.allowed(EnumSet.of(FieldKey.PRICE), 230, ebay)).isEmpty();
        assertThat(budgets.allowed(priceAndQuantity, 250, ebay)).isEmpty();
    }

    @Test
    void channelsWithoutABudgetSendEverything() {
        assertThat(budgets.allowed(priceAndQuantity, 10_000, Channel.KAUFLAND.documentedLimits())).isEqualTo(priceAndQuantity);
    }
}
