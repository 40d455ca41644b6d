package dev.omnisync.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole request refused by a simulated channel. The channel's {@link SandboxMarketplace#error} turns it into
 * the channel's own error body; {@code code} is the channel's error code ({@code 25002},
 * {@code INVALID_REQUEST_HEADER}, {@code /problems/corrupted-signature}, ...).
 */
public class SandboxRefusal extends RuntimeException {

    public enum Kind { VALIDATION, AUTH, FORBIDDEN, NOT_FOUND, RATE_LIMIT, SERVER, TIMEOUT, TOO_LARGE, CONFLICT }

    public final int status;
    public final Kind kind;
    public final String code;
    public final String field;
    public final Map<String, String> headers = new LinkedHashMap<>();

    public SandboxRefusal(int status, Kind kind, String code, String message) {
        this(status, kind, code, message, null);
    }

    public SandboxRefusal(int status, Kind kind, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public SandboxRefusal header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
