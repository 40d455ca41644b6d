package dev.omnisync.channel.wire;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The verdict on an answer that is not a 429, for REST channels that judge by HTTP status: 2xx done; 5xx worth
 * another try after the transport's longest backoff; an auth status (401, for some also 403) means a new token;
 * anything else is a permanent refusal with the channel's own code and words from the body.
 */
public final class StatusVerdicts {

    /** The channel's words for an error body (the response may be needed when the body says nothing). */
    public interface Message {
        String of(JsonNode body, WireResponse r);
    }

    /** The channel's error code in the body, else the status. */
    public interface Code {
        String of(JsonNode body, int status);
    }

    private final String channel;
    private final TransportSettings transport;
    private final Set<Integer> authStatuses;
    private final Message message;
    private final Code code;

    /** @param channel the channel's name as messages begin with it ("eBay 503: ...") */
    public StatusVerdicts(String channel, TransportSettings transport, Set<Integer> authStatuses, Message message, Code code) {
        this.channel = channel;
        this.transport = transport;
        this.authStatuses = authStatuses;
        this.message = message;
        this.code = code;
    }

    public Verdict of(WireResponse r) {
        if (r.isSuccess()) {
            return Verdict.OK;
        }
        int s = r.status();
        JsonNode body = WireJson.tree(r.body());
        if (s >= 500) {
            return new Verdict.Retryable(transport.backoff(transport.maxAttempts()), channel + " " + s + ": " + message.of(body, r));
        }
        if (authStatuses.contains(s)) {
            return new Verdict.AuthExpired(channel + " " + s + ": " + message.of(body, r));
        }
        return new Verdict.Permanent(code.of(body, s), message.of(body, r));
    }
}
