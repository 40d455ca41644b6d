package dev.omnisync.policy;

import dev.omnisync.channel.Channel;
import java.math.BigDecimal;

/**
 * A named, per-channel rule set that shapes the values sent to the channel. Its calculators are pure and
 * explain themselves ({@link Calculated#arithmetic()}), so the sync log and "explain" can show exactly why
 * a value was sent.
 *
 * @param id        the stored policy's id (0 for a draft not yet stored)
 * @param isDefault whether this is the channel's default policy, created on first use
 */
public record SellingPolicy(long id, Channel channel, String name, PriceRule price, QuantityRule quantity, boolean isDefault,
        long version) {

    public SellingPolicy {
        if (channel == null) {
            throw new IllegalArgumentException("A selling policy needs a channel: " + Channel.allNames() + ".");
        }
        name = PolicyNames.check(name);
        price = price == null ? PriceRule.IDENTITY : price;
        quantity = quantity == null ? QuantityRule.IDENTITY : quantity;
    }

    /** A policy that sends the store's values unchanged: the channel's default. */
    public static SellingPolicy identity(Channel channel, String name) {
        return new SellingPolicy(0, channel, name, PriceRule.IDENTITY, QuantityRule.IDENTITY, true, 1);
    }

    public Calculated<BigDecimal> price(PriceInputs inputs) {
        return price.calculate(inputs);
    }

    public Calculated<Integer> quantity(StockInputs stock) {
        return quantity.calculate(stock);
    }

    /** The same policy with other settings (an edit keeps id, channel and default mark). */
    public SellingPolicy edited(String newName, PriceRule newPrice, QuantityRule newQuantity) {
        return new SellingPolicy(id, channel, newName, newPrice, newQuantity, isDefault, version);
    }
}
