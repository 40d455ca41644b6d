package dev.omnisync.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.channel.spi.ChannelOrder.OrderState;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineTransitionTest {

    @Test
    void aNewOpenLineReservesWhenTheAccountCreatesStoreOrdersAndTheProductExists() {
        LineTransition t = LineTransition.first(OrderState.OPEN, 3, true, true);
        assertThat(t.stock()).isEqualTo(LineStock.RESERVED);
        assertThat(t.effect()).isEqualTo(LineTransition.Effect.RESERVE);
        assertThat(t.channelQuantityDelta()).isEqualTo(-3);
    }

    @Test
    void withoutStoreOrdersOrWithoutAProductTheStoreStockIsNotTouched() {
        assertThat(LineTransition.first(OrderState.OPEN, 2, true, false).stock()).isEqualTo(LineStock.UNTRACKED);
        assertThat(LineTransition.first(OrderState.OPEN, 2, false, true).stock()).isEqualTo(LineStock.UNMATCHED);
        assertThat(LineTransition.first(OrderState.OPEN, 2, true, false).effect()).isEqualTo(LineTransition.Effect.NONE);
    }

    @Test
    void aLineFirstSeenCancelledDoesNothing() {
        LineTransition t = LineTransition.first(OrderState.CANCELLED, 2, true, true);
        assertThat(t.effect()).isEqualTo(LineTransition.Effect.NONE);
        assertThat(t.channelQuantityDelta()).isZero();
    }

    @Test
    void cancellationBeforeShipmentReleasesAReservationOrCancelsTheStoreOrder() {
        assertThat(LineTransition.next(OrderState.OPEN, LineStock.RESERVED, OrderState.CANCELLED, 2)).get()
                .extracting(LineTransition::effect, LineTransition::stock, LineTransition::channelQuantityDelta)
                .containsExactly(LineTransition.Effect.RELEASE, LineStock.RELEASED, 2);
        assertThat(LineTransition.next(OrderState.OPEN, LineStock.SOLD, OrderState.RETURNED, 2)).get()
                .extracting(LineTransition::effect, LineTransition::stock)
                .containsExactly(LineTransition.Effect.CANCEL_STORE_ORDER, LineStock.RESTOCKED);
    }

    @Test
    void aReservedLineShippedBeforeItsStoreOrderBecomesASale() {
        assertThat(LineTransition.next(OrderState.OPEN, LineStock.RESERVED, OrderState.SHIPPED, 2)).get()
                .extracting(LineTransition::effect, LineTransition::stock)
                .containsExactly(LineTransition.Effect.COMMIT_SALE, LineStock.SOLD);
        assertThat(LineTransition.next(OrderState.OPEN, LineStock.SOLD, OrderState.SHIPPED, 2)).get()
                .extracting(LineTransition::effect).isEqualTo(LineTransition.Effect.NONE);
    }

    @Test
    void afterShipmentACancellationOrReturnGivesNothingBack() {
        assertThat(LineTransition.next(OrderState.SHIPPED, LineStock.SOLD, OrderState.RETURNED, 2)).get()
                .extracting(LineTransition::effect, LineTransition::stock)
                .containsExactly(LineTransition.Effect.NONE, LineStock.SOLD);
    }

    @Test
    void staleOrRepeatedReportsChangeNothing() {
        assertThat(LineTransition.next(OrderState.SHIPPED, LineStock.SOLD, OrderState.OPEN, 1)).isEmpty();
        assertThat(LineTransition.next(OrderState.CANCELLED, LineStock.RELEASED, OrderState.CANCELLED, 1)).isEmpty();
        assertThat(LineTransition.next(OrderState.CANCELLED, LineStock.RELEASED, OrderState.OPEN, 1)).isEmpty();
    }

    /** Property: whatever order reports arrive in (repeats included), stock comes back at most once and never goes negative. */
    @Test
    void anySequenceOfReportsMovesStockAtMostOncePerDirection() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        OrderState[] states = OrderState.values();
        for (int run = 0; run < 2_000; run++) {
            int quantity = 1 + random.nextInt(5);
            boolean storeOrders = random.nextBoolean();
            OrderState firstReport = states[random.nextInt(states.length)];
            LineTransition first = LineTransition.first(firstReport, quantity, true, storeOrders);
            OrderState status = first.status();
            LineStock stock = first.stock();
            int reserved = first.effect() == LineTransition.Effect.RESERVE ? quantity : 0;
            int given = 0;
            int channel = first.channelQuantityDelta();
            if (stock == LineStock.RESERVED && random.nextBoolean()) {
                stock = LineStock.SOLD; // a store order was placed meanwhile
            }
            for (int i = 0; i < 6; i++) {
                Optional<LineTransition> next = LineTransition.next(status, stock, states[random.nextInt(states.length)], quantity);
                if (next.isPresent()) {
                    LineTransition t = next.get();
                    if (t.effect() == LineTransition.Effect.RELEASE || t.effect() == LineTransition.Effect.CANCEL_STORE_ORDER) {
                        given += quantity;
                    }
                    channel += t.channelQuantityDelta();
                    assertThat(LineTransition.rank(t.status())).as("seed %d", seed).isGreaterThan(LineTransition.rank(status));
                    status = t.status();
                    stock = t.stock();
                }
            }
            assertThat(given).as("seed %d", seed).isLessThanOrEqualTo(reserved);
            assertThat(channel).as("seed %d", seed).isBetween(-quantity, 0);
        }
    }
}
