package dev.omnisync.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/** Reading what a person typed into a form, with messages that name the field. */
final class Forms {

    private Forms() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Long id(String label, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + label + "' must be a number (was '" + v + "').");
        }
    }

    static Integer integer(String label, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + label + "' must be a whole number such as 5 (was '" + v + "').");
        }
    }

    static BigDecimal decimal(String label, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + label + "' must be a number such as 1.08 (was '" + v + "').");
        }
    }

    /** Name/value pairs to repeat as hidden inputs, so a confirmation posts exactly what was previewed. */
    static List<Map.Entry<String, String>> carry(MultiValueMap<String, String> params, String... leaveOut) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        params.forEach((name, values) -> {
            if (List.of(leaveOut).contains(name)) {
                return;
            }
            for (String v : values) {
                pairs.add(Map.entry(name, v == null ? "" : v));
            }
        });
        return pairs;
    }
}
