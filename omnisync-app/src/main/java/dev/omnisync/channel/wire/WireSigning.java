package dev.omnisync.channel.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Digests and comparisons the channels' signing schemes are built from. */
public final class WireSigning {

    private WireSigning() {
    }

    /** HMAC-SHA256 with a UTF-8 key. */
    public static byte[] hmacSha256(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Lowercase hex HMAC-SHA256. */
    public static String hmacSha256Hex(String key, byte[] message) {
        return HexFormat.of().formatHex(hmacSha256(key, message));
    }

    /** Lowercase hex MD5 of the UTF-8 text. */
    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** Constant-time comparison of two hex signatures, ignoring case; false when either is null. */
    public static boolean sameHex(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** A header value by case-insensitive name (webhook deliveries arrive with any capitalisation), or null. */
    public static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
