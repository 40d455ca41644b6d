package dev.omnisync.channel.temu;

import dev.omnisync.channel.spi.ConnectorAccount;
import dev.omnisync.channel.wire.AccountSession;
import dev.omnisync.channel.wire.CredentialsRefused;
import dev.omnisync.channel.wire.Transport;
import dev.omnisync.channel.wire.WireJson;
import dev.omnisync.channel.wire.WireResponse;
import dev.omnisync.channel.wire.WireSigning;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP to Temu's router: one POST endpoint, the operation in {@code type}, common and business parameters flat in
 * one JSON body signed with {@code sign} = UPPER(hex(MD5(app_secret + sorted key+value + app_secret))) where nested
 * values count as the compact JSON sent. The seller's {@code accessToken} (from Seller Center) is used as it is;
 * when Temu says it expired or was replaced and the account holds an {@code authCode}, a new token is created with
 * {@code bg.open.accesstoken.create} and the call made once more. Credentials: {@code appKey}, {@code appSecret},
 * {@code accessToken} and/or {@code authCode}.
 */
final class TemuClient {

    static final String ROUTER = "/openapi/router";

    private final Transport transport;
    private final Clock clock;
    private final Map<Long, String> tokens = new ConcurrentHashMap<>();

    TemuClient(TemuSettings settings, Clock clock) {
        this.transport = new Transport(settings.transport());
        this.clock = clock;
    }

    Session session(ConnectorAccount account) {
        return new Session(account);
    }

    /** UPPER(hex(MD5(secret + sorted(key + value) + secret))) over every parameter but {@code sign}; nulls skipped. */
    static String sign(String secret, JsonNode body) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!e.getKey().equals("sign") && !e.getValue().isNull()) {
                sorted.put(e.getKey(), e.getValue());
            }
        }
        StringBuilder sb = new StringBuilder(secret);
        sorted.forEach((k, v) -> sb.append(k).append((v.isObject() || v.isArray()) ? WireJson.MAPPER.writeValueAsString(v) : v.asString()));
        sb.append(secret);
        return WireSigning.md5Hex(sb.toString()).toUpperCase(Locale.ROOT);
    }

    /** The signed body of one router call: common parameters first, then the business parameters. */
    static ObjectNode body(String type, String appKey, String accessToken, long timestamp, Object params, String secret) {
        ObjectNode body = WireJson.MAPPER.createObjectNode();
        body.put("type", type);
        body.put("app_key", appKey);
        body.put("access_token", accessToken);
        body.put("timestamp", timestamp);
        body.put("data_type", "JSON");
        if (params != null) {
            JsonNode p = WireJson.MAPPER.valueToTree(params);
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                if (!e.getValue().isNull()) {
                    body.set(e.getKey(), e.getValue());
                }
            }
        }
        body.put("sign", sign(secret, body));
        return body;
    }

    /** The {@code errorCode} of an answer (1000000 = success), or -1. */
    static long code(JsonNode body) {
        JsonNode c = body.get("errorCode");
        return c == null || !c.isNumber() ? -1 : c.asLong();
    }

    final class Session extends AccountSession {

        private Session(ConnectorAccount account) {
            super(account);
        }

        /** One router call; an expired or unknown token (3000031/3000034) is replaced once when an auth code is held. */
        WireResponse call(String type, Object params) {
            WireResponse r = callWith(token(false), type, params);
            long code = code(WireJson.tree(r.body()));
            if ((code == 3000031 || code == 3000034) && account.credentialOr("authCode", null) != null) {
                r = callWith(token(true), type, params);
            }
            return r;
        }

        private WireResponse callWith(String token, String type, Object params) {
            byte[] bytes = WireJson.write(body(type, account.credential("appKey"), token, clock.instant().getEpochSecond(), params,
                    account.credential("appSecret")));
            HttpHeaders h = new HttpHeaders();
            h.set("Content-Type", "application/json");
            h.set("Accept", "application/json");
            return transport.send(HttpMethod.POST, URI.create(account.baseUrl() + ROUTER), h, bytes, this::countCall);
        }

        private String token(boolean renew) {
            String cached = tokens.get(account.accountId());
            if (!renew && cached != null) {
                return cached;
            }
            String given = account.credentialOr("accessToken", null);
            if (!renew && given != null) {
                return given;
            }
            String code = account.credentialOr("authCode", null);
            if (code == null) {
                throw new CredentialsRefused("Temu account " + account.accountId() + " has no access token and no auth code");
            }
            WireResponse r = callWith(code, "bg.open.accesstoken.create", new TemuPayloads.TokenCreate(code));
            JsonNode body = WireJson.tree(r.body());
            String token = WireJson.text(body.path("result"), "accessToken");
            if (!r.isSuccess() || !body.path("success").asBoolean(false) || token == null) {
                throw new CredentialsRefused("Temu token creation refused: " + TemuErrors.message(body, r));
            }
            tokens.put(account.accountId(), token);
            return token;
        }
    }
}
