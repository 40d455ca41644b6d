package dev.omnisync.channel;

import dev.omnisync.platform.OmnisyncProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts channel credentials at rest with AES-256-GCM. The key is {@code OMNISYNC_SECRET_KEY} (base64 of
 * 32 bytes) or, when unset, one generated into {@code <data-dir>/secret.key} (owner-only) on first start.
 * The sealed form is {@code nonce(12) || ciphertext || tag(16)}, bound to its workspace and account as
 * associated data so a blob copied onto another account does not open.
 */
@Component
public class CredentialVault {

    private static final Logger log = LoggerFactory.getLogger(CredentialVault.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKey key;

    CredentialVault(@Value("${omnisync.secret-key:}") String configuredKey, OmnisyncProperties properties) throws IOException {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFromDataDir(properties.dataDir()) : decode(configuredKey), "AES");
    }

    public byte[] seal(long workspaceId, long accountId, Map<String, String> credentials) {
        byte[] plain = JSON.writeValueAsBytes(new TreeMap<>(credentials));
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(workspaceId, accountId));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public Map<String, String> open(long workspaceId, long accountId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(workspaceId, accountId));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return JSON.readValue(plain, new TypeReference<Map<String, String>>() { });
        } catch (GeneralSecurityException e) {
            // Wrong key (OMNISYNC_SECRET_KEY changed) or tampered data; never show what was stored.
            throw new IllegalStateException("Credentials of account " + accountId + " cannot be decrypted with the current secret key");
        }
    }

    private static byte[] associatedData(long workspaceId, long accountId) {
        return ("omnisync-credentials/" + workspaceId + "/" + accountId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("OMNISYNC_SECRET_KEY must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("OMNISYNC_SECRET_KEY must decode to 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    private static byte[] keyFromDataDir(Path dataDir) throws IOException {
        Path file = dataDir.resolve("secret.key");
        if (Files.exists(file)) {
            return decode(Files.readString(file));
        }
        Files.createDirectories(dataDir);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Could not restrict permissions of {}; protect it by other means", file);
        }
        log.info("Generated a new credentials key in {} (back it up: without it stored credentials cannot be read)", file);
        return bytes;
    }
}
