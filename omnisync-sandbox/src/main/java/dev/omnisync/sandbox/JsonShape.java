package dev.omnisync.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A small schema for request bodies, so every simulator refuses unknown fields, wrong types and missing
 * required fields the way a strict channel does. {@link #check} lists every violation with its JSON path.
 */
public abstract class JsonShape {

    /** One thing wrong with a body: where ({@code requests[3].offers[0].price}) and what. */
    public record Violation(String path, String kind, String message) {
        public static final String UNKNOWN = "UNKNOWN_FIELD";
        public static final String TYPE = "WRONG_TYPE";
        public static final String MISSING = "MISSING_FIELD";
        public static final String VALUE = "INVALID_VALUE";

        @Override
        public String toString() {
            return (path.isEmpty() ? "body" : path) + ": " + message;
        }
    }

    abstract void check(JsonNode node, String path, List<Violation> out);

    public final List<Violation> check(JsonNode node) {
        List<Violation> out = new ArrayList<>();
        check(node, "", out);
        return out;
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public static ObjectShape object() {
        return new ObjectShape();
    }

    public static JsonShape string() {
        return string(0, Integer.MAX_VALUE);
    }

    public static JsonShape string(int minLength, int maxLength) {
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
                if (!n.isString()) {
                    out.add(new Violation(path, Violation.TYPE, "must be a string"));
                } else if (n.stringValue().length() < minLength || n.stringValue().length() > maxLength) {
                    out.add(new Violation(path, Violation.VALUE, "length must be " + minLength + ".." + maxLength));
                }
            }
        };
    }

    public static JsonShape oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
                if (!n.isString()) {
                    out.add(new Violation(path, Violation.TYPE, "must be a string"));
                } else if (!allowed.contains(n.stringValue())) {
                    out.add(new Violation(path, Violation.VALUE, "must be one of " + List.of(values)));
                }
            }
        };
    }

    /** A decimal number carried as a JSON string ({@code "12.99"}), as eBay and TikTok do. */
    public static JsonShape decimalString(BigDecimal min) {
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
                if (!n.isString()) {
                    out.add(new Violation(path, Violation.TYPE, "must be a decimal string"));
                    return;
                }
                try {
                    BigDecimal v = new BigDecimal(n.stringValue());
                    if (min != null && v.compareTo(min) < 0) {
                        out.add(new Violation(path, Violation.VALUE, "must be at least " + min));
                    }
                } catch (NumberFormatException e) {
                    out.add(new Violation(path, Violation.VALUE, "is not a decimal number"));
                }
            }
        };
    }

    public static JsonShape integer(long min, long max) {
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
                if (!n.isIntegralNumber()) {
                    out.add(new Violation(path, Violation.TYPE, "must be an integer"));
                } else if (n.longValue() < min || n.longValue() > max) {
                    out.add(new Violation(path, Violation.VALUE, "must be between " + min + " and " + max));
                }
            }
        };
    }

    /** A JSON number (integer or decimal) with a lower bound; {@code exclusive} makes the bound strict. */
    public static JsonShape number(BigDecimal min, boolean exclusive) {
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
                if (!n.isNumber()) {
                    out.add(new Violation(path, Violation.TYPE, "must be a number"));
                    return;
                }
                if (min != null) {
                    int c = n.decimalValue().compareTo(min);
                    if (c < 0 || (exclusive && c == 0)) {
                        out.add(new Violation(path, Violation.VALUE, "must be " + (exclusive ? "greater than " : "at least ") + min));
                    }
                }
            }
        };
    }

    public static JsonShape bool() {
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
                if (!n.isBoolean()) {
                    out.add(new Violation(path, Violation.TYPE, "must be a boolean"));
                }
            }
        };
    }

    public static JsonShape anything() {
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
            }
        };
    }

    public static JsonShape array(JsonShape item, int min, int max) {
        return new JsonShape() {
            @Override
            void check(JsonNode n, String path, List<Violation> out) {
                if (!n.isArray()) {
                    out.add(new Violation(path, Violation.TYPE, "must be an array"));
                    return;
                }
                if (n.size() < min || n.size() > max) {
                    out.add(new Violation(path, Violation.VALUE, "must have " + min + ".." + max + " entries (has " + n.size() + ")"));
                }
                for (int i = 0; i < n.size(); i++) {
                    item.check(n.get(i), path + "[" + i + "]", out);
                }
            }
        };
    }

    public static JsonShape array(JsonShape item) {
        return array(item, 0, Integer.MAX_VALUE);
    }

    /** An object with named fields; unknown fields are refused unless {@link #open()}. */
    public static final class ObjectShape extends JsonShape {
        private final Map<String, JsonShape> fields = new LinkedHashMap<>();
        private final Set<String> required = new java.util.HashSet<>();
        private boolean open;

        public ObjectShape required(String name, JsonShape shape) {
            fields.put(name, shape);
            required.add(name);
            return this;
        }

        public ObjectShape optional(String name, JsonShape shape) {
            fields.put(name, shape);
            return this;
        }

        /** Accept fields not named here (for free-form attribute maps). */
        public ObjectShape open() {
            open = true;
            return this;
        }

        @Override
        void check(JsonNode n, String path, List<Violation> out) {
            if (!n.isObject()) {
                out.add(new Violation(path, Violation.TYPE, "must be an object"));
                return;
            }
            for (String name : n.propertyNames()) {
                JsonShape shape = fields.get(name);
                if (shape == null) {
                    if (!open) {
                        out.add(new Violation(join(path, name), Violation.UNKNOWN, "unknown field (known: " + fields.keySet() + ")"));
                    }
                } else if (!n.get(name).isNull() || required.contains(name)) {
                    shape.check(n.get(name), join(path, name), out);
                }
            }
            for (String name : required) {
                if (!n.has(name)) {
                    out.add(new Violation(join(path, name), Violation.MISSING, "is required"));
                }
            }
        }
    }
}
