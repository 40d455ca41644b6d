package dev.omnisync.channel.mirakl;

import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.wire.AccountSession;
import dev.omnisync.channel.wire.Query;
import dev.omnisync.channel.wire.Transport;
import dev.omnisync.channel.wire.WireResponse;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * HTTP to a Mirakl operator's seller API ({@code https://<operator>.mirakl.net}): the raw shop API key in
 * {@code Authorization} (no Bearer, no token exchange), {@code shop_id} on every call when the account names one.
 * Credentials: {@code apiKey}; optional {@code shopId}.
 */
final class MiraklClient {

    private final Transport transport;

    MiraklClient(MiraklSettings settings) {
        this.transport = new Transport(settings.transport());
    }

    Session session(ConnectorAccount account) {
        return new Session(account);
    }

    final class Session extends AccountSession {

        private Session(ConnectorAccount account) {
            super(account);
        }

        /** The query for a path: the given parameters plus {@code shop_id} when the account has one. */
        Query query() {
            return Query.of().add("shop_id", account.credentialOr("shopId", null));
        }

        /** A call retried by the transport on 5xx and timeouts (reads, idempotent writes). */
        WireResponse send(HttpMethod method, String path, Query query, byte[] body, String contentType) {
            return transport.send(method, uri(path, query), headers(contentType), body, this::countCall);
        }

        /** Exactly one try (OF01: whether to send the file again is decided after asking OF04). */
        WireResponse sendOnce(HttpMethod method, String path, Query query, byte[] body, String contentType) {
            countCall();
            return transport.sendOnce(method, uri(path, query), headers(contentType), body);
        }

        private URI uri(String path, Query query) {
            return URI.create(account.baseUrl() + path + query);
        }

        private HttpHeaders headers(String contentType) {
            HttpHeaders h = new HttpHeaders();
            h.set("Authorization", account.credential("apiKey"));
            h.set("Accept", "application/json");
            if (contentType != null) {
                h.set("Content-Type", contentType);
            }
            return h;
        }
    }
}
