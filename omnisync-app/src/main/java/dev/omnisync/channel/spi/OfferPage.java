package dev.omnisync.channel.spi;

import java.util.List;

/**
 * One page of existing offers.
 *
 * @param offers     the offers on this page
 * @param nextCursor pass to {@link ChannelConnector#listOffers} for the next page; null on the last page
 */
public record OfferPage(List<ChannelOffer> offers, String nextCursor) {

    public OfferPage {
        offers = List.copyOf(offers);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
