package io.opencloud.controlplane.federation.delegation;

import io.opencloud.functions.secrets.RandomText;
import io.opencloud.functions.s3.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tokens for remote execution, kept by their SHA-256 only: a leaked table yields no usable token. A request token
 * ({@code ocrt_...}) is given for a verified macaroon and can be exchanged once; the access token ({@code ocat_...})
 * it is exchanged for authorizes the execution.
 */
@Repository
public class ExecutionTokens {

    public static final String REQUEST = "REQUEST";
    public static final String ACCESS = "ACCESS";

    /** A token as stored, without its secret. */
    public record Token(String kind, UUID grant, String resource, String action, OffsetDateTime expiresAt,
                        OffsetDateTime exchangedAt) {
    }

    private final JdbcClient jdbc;

    public ExecutionTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a token; returns its secret text, which is not kept. */
    public String issue(String kind, UUID grant, String resource, String action, Instant expiresAt) {
        String token = (REQUEST.equals(kind) ? "ocrt_" : "ocat_") + RandomText.base64url(32);
        jdbc.sql("""
                        INSERT INTO execution_token (token_hash, kind, grant_id, resource, action, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(hash(token), kind, grant, resource, action, Timestamp.from(expiresAt)).update();
        return token;
    }

    public Optional<Token> find(String token) {
        return jdbc.sql("""
                        SELECT kind, grant_id, resource, action, expires_at, exchanged_at FROM execution_token
                        WHERE token_hash = ?""")
                .param(hash(token))
                .query((row, n) -> new Token(row.getString(1), row.getObject(2, UUID.class), row.getString(3),
                        row.getString(4), row.getObject(5, OffsetDateTime.class), row.getObject(6, OffsetDateTime.class)))
                .optional();
    }

    /** Marks a request token exchanged; false when it was exchanged before (a token is good once). */
    public boolean exchangeOnce(String token) {
        return jdbc.sql("""
                        UPDATE execution_token SET exchanged_at = now()
                        WHERE token_hash = ? AND kind = 'REQUEST' AND exchanged_at IS NULL""")
                .param(hash(token)).update() == 1;
    }

    private static byte[] hash(String token) {
        return Sha256.digest().digest(token.getBytes(StandardCharsets.US_ASCII));
    }
}
