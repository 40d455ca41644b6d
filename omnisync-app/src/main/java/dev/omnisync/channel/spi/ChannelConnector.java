package dev.omnisync.channel.spi;

import dev.omnisync.channel.Channel;
import dev.omnisync.channel.ChannelLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One marketplace behind one interface. Implementations are Spring beans (one per channel) and never import
 * each other. {@code push} and {@code poll} never throw for an expected failure of the channel (validation,
 * throttling, outage, refused credentials): those are values ({@link PushOutcome}). The reads ({@code listOffers},
 * {@code ordersSince}) throw {@link ChannelReadFailed} when the channel does not answer usefully.
 */
public interface ChannelConnector {

    /** The channel this connector speaks to. */
    Channel channel();

    /**
     * Sends the updates, splitting them into the channel's largest allowed batches. Never fails the whole call
     * for one item: the result holds exactly one outcome per update, in the order given. Server errors and
     * timeouts are retried a bounded number of times inside the call, then reported as
     * {@link PushOutcome.RetryLater}.
     */
    PushResult push(ConnectorAccount account, List<ItemUpdate> updates);

    /**
     * Reads the result of an asynchronous submission (Amazon listings feed, Walmart feeds). Answers one outcome
     * per item of the job; items the channel has not finished yet come back as {@link PushOutcome.Pending}.
     * Channels without asynchronous submissions answer an empty list.
     */
    List<PushOutcome> poll(ConnectorAccount account, PendingJob job);

    /**
     * One page of the account's existing offers, for linking them to store products by SKU or EAN/GTIN.
     *
     * @param pageCursor null for the first page, then {@link OfferPage#nextCursor()}
     */
    OfferPage listOffers(ConnectorAccount account, String pageCursor);

    /**
     * Orders changed since the cursor, one page at a time. Keep calling with {@link OrderPage#next()} while
     * {@link OrderPage#hasMore()}; store the final cursor only after the orders are stored.
     */
    OrderPage ordersSince(ConnectorAccount account, OrderCursor cursor);

    /**
     * Checks a notification the channel delivered to our webhook endpoint with the channel's own signature
     * scheme and reads what it says. Empty when the signature (or the authentication the channel uses) is
     * missing or wrong: the caller refuses the request.
     */
    Optional<ChannelNotification> verifyNotification(ConnectorAccount account, Map<String, String> headers, byte[] body);

    /** The limits in force for this channel (documented defaults with configured overrides). */
    ChannelLimits limits();
}
