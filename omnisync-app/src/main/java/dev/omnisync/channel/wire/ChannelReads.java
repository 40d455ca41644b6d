package dev.omnisync.channel.wire;

import dev.omnisync.channel.spi.ChannelReadFailed;
import dev.omnisync.channel.spi.MissingCredential;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A read (offers, orders, job status) whose failure the caller reports as {@link ChannelReadFailed}: a transport
 * failure or a refused/missing credential waits {@code maxBackoff}; an answer the channel's classifier does not call
 * OK waits the verdict's delay when it is retryable, else {@code maxBackoff}.
 */
public final class ChannelReads {

    private ChannelReads() {
    }

    /**
     * @param what    what is read, beginning with the channel's name ("eBay offers"), for the failure message
     * @param message the channel's words for an error body
     * @return the OK answer
     */
    public static WireResponse read(String what, Duration maxBackoff, Supplier<WireResponse> send, Function<WireResponse, Verdict> classify,
            StatusVerdicts.Message message) {
        WireResponse r;
        try {
            r = send.get();
        } catch (WireFailure | CredentialsRefused | MissingCredential e) {
            throw new ChannelReadFailed(what + " failed: " + e.getMessage(), maxBackoff);
        }
        Verdict v = classify.apply(r);
        if (!(v instanceof Verdict.Ok)) {
            Duration wait = v instanceof Verdict.Retryable retry ? retry.delay() : maxBackoff;
            throw new ChannelReadFailed(what + " failed: HTTP " + r.status() + " " + message.of(WireJson.tree(r.body()), r), wait);
        }
        return r;
    }
}
