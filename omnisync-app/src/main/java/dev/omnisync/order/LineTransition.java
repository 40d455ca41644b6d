package dev.omnisync.order;

import dev.omnisync.channel.spi.ChannelOrder.OrderState;
import java.util.Optional;

/**
 * How an order line's state moves, as a pure function. Statuses only move forward (OPEN → SHIPPED →
 * RETURNED/CANCELLED; a stale report of an earlier status is ignored), so a status change applies once and in
 * order whatever the arrival order of webhooks and polls.
 *
 * @param status              the line's new channel status
 * @param stock               the line's new stock effect
 * @param effect              what the ledger must do now
 * @param channelQuantityDelta how the channel changed its own quantity for this listing (−units on a sale, +units
 *                            on a cancellation): the remembered online quantity moves by it
 */
public record LineTransition(OrderState status, LineStock stock, Effect effect, int channelQuantityDelta) {

    /** The ledger work a transition asks for. */
    public enum Effect { NONE, RESERVE, RELEASE, CANCEL_STORE_ORDER, COMMIT_SALE }

    /** A line seen for the first time. */
    public static LineTransition first(OrderState status, int quantity, boolean productKnown, boolean createStoreOrders) {
        if (status == OrderState.CANCELLED || status == OrderState.RETURNED) {
            return new LineTransition(status, LineStock.NONE, Effect.NONE, 0);
        }
        if (!productKnown) {
            return new LineTransition(status, LineStock.UNMATCHED, Effect.NONE, -quantity);
        }
        if (!createStoreOrders) {
            return new LineTransition(status, LineStock.UNTRACKED, Effect.NONE, -quantity);
        }
        return new LineTransition(status, LineStock.RESERVED, Effect.RESERVE, -quantity);
    }

    /** A known line reported again: empty when nothing changes (same status, or an older one). */
    public static Optional<LineTransition> next(OrderState current, LineStock stock, OrderState reported, int quantity) {
        if (rank(reported) <= rank(current)) {
            return Optional.empty();
        }
        boolean givesBack = current == OrderState.OPEN && (reported == OrderState.CANCELLED || reported == OrderState.RETURNED);
        if (!givesBack) {
            if (reported == OrderState.SHIPPED && stock == LineStock.RESERVED) {
                // shipped before a store order took it: the units have left, the reservation becomes a sale
                return Optional.of(new LineTransition(reported, LineStock.SOLD, Effect.COMMIT_SALE, 0));
            }
            return Optional.of(new LineTransition(reported, stock, Effect.NONE, 0));
        }
        // cancelled or returned before shipment: the channel put its units back, and so does the store
        int channelDelta = stock == LineStock.NONE ? 0 : quantity;
        if (stock == LineStock.RESERVED) {
            return Optional.of(new LineTransition(reported, LineStock.RELEASED, Effect.RELEASE, channelDelta));
        }
        if (stock == LineStock.SOLD) {
            return Optional.of(new LineTransition(reported, LineStock.RESTOCKED, Effect.CANCEL_STORE_ORDER, channelDelta));
        }
        return Optional.of(new LineTransition(reported, stock, Effect.NONE, channelDelta));
    }

    /** OPEN before SHIPPED before the two final states. */
    static int rank(OrderState state) {
        return switch (state) {
            case OPEN -> 0;
            case SHIPPED -> 1;
            case RETURNED, CANCELLED -> 2;
        };
    }
}
