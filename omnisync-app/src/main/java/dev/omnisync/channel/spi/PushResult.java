package dev.omnisync.channel.spi;

import java.util.List;

/**
 * The answer to one {@link ChannelConnector#push}: one outcome per update, in the order given.
 *
 * @param outcomes one per item
 * @param calls    HTTP calls made to the channel (token calls included), for measuring call economy
 */
public record PushResult(List<PushOutcome> outcomes, int calls) {

    public PushResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcome for a listing. */
    public PushOutcome outcomeOf(long listingId) {
        return outcomes.stream().filter(o -> o.listingId() == listingId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome for listing " + listingId));
    }
}
