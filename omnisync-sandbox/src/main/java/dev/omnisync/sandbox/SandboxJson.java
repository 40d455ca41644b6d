package dev.omnisync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's own JSON: bodies are read as trees (so each simulator can be as strict as its channel and
 * sign over raw bytes) and written by this mapper, not the app's (whose money-as-string rule would change
 * the channels' numeric prices).
 */
public final class SandboxJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private SandboxJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses a body; a malformed one is the caller's channel-specific 400. */
    public static JsonNode parse(byte[] body) throws JacksonException {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("empty body");
        }
        return MAPPER.readTree(body);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static ResponseEntity<String> respond(int status, Object body) {
        return respond(status, body, Map.of());
    }

    public static ResponseEntity<String> respond(int status, Object body, Map<String, String> headers) {
        HttpHeaders h = new HttpHeaders();
        headers.forEach(h::set);
        if (body == null) {
            return ResponseEntity.status(status).headers(h).build();
        }
        h.setContentType(MediaType.APPLICATION_JSON);
        String text = body instanceof String s ? s : write(body);
        return ResponseEntity.status(status).headers(h).body(text);
    }

    public static String utf8(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
