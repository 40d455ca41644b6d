package dev.omnisync.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates workspaces and their API tokens and resolves a presented token to its workspace. Tokens are
 * stored as SHA-256 hashes; the plain token is shown once, when issued.
 */
@Service
public class Workspaces {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PREFIX = "osk_";

    private final JdbcClient jdbc;

    Workspaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a workspace with one token; the token is returned in plain text this once. */
    @Transactional
    public IssuedToken create(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("A workspace needs a name of 1 to 200 characters.");
        }
        long id = jdbc.sql("insert into workspace (name) values (?) returning workspace_id")
                .param(name.strip()).query(Long.class).single();
        return issueToken(new WorkspaceId(id), "initial", newTokenValue());
    }

    /** Creates a workspace whose token is the given value (the default run's {@code OMNISYNC_API_TOKEN}). */
    @Transactional
    public WorkspaceId createWithToken(String name, String token) {
        long id = jdbc.sql("insert into workspace (name) values (?) returning workspace_id")
                .param(name).query(Long.class).single();
        issueToken(new WorkspaceId(id), "configured", token);
        return new WorkspaceId(id);
    }

    @Transactional
    public IssuedToken issueToken(WorkspaceId workspace, String label) {
        return issueToken(workspace, label, newTokenValue());
    }

    public Optional<WorkspaceId> findByName(String name) {
        return jdbc.sql("select workspace_id from workspace where name = ?").param(name)
                .query(Long.class).optional().map(WorkspaceId::new);
    }

    /** Whether the workspace already accepts this exact token. */
    public boolean accepts(WorkspaceId workspace, String token) {
        return authenticate(token).filter(workspace::equals).isPresent();
    }

    /**
     * The workspace a token opens. The lookup is by hash, and the stored hash is compared in constant time,
     * so neither timing nor the database reveals anything about other tokens.
     */
    public Optional<WorkspaceId> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        byte[] presented = hash(token);
        return jdbc.sql("select workspace_id, token_hash from api_token where token_hash = ?")
                .param(presented)
                .query((rs, n) -> MessageDigest.isEqual(presented, rs.getBytes("token_hash"))
                        ? new WorkspaceId(rs.getLong("workspace_id")) : null)
                .optional();
    }

    /** Adds a token chosen by the operator (e.g. {@code OMNISYNC_API_TOKEN}) to a workspace. */
    @Transactional
    public IssuedToken issueToken(WorkspaceId workspace, String label, String token) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("An API token must have at least 16 characters.");
        }
        jdbc.sql("insert into api_token (workspace_id, token_hash, label) values (?, ?, ?)")
                .params(workspace.value(), hash(token), label).update();
        return new IssuedToken(workspace, token);
    }

    private static String newTokenValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
