package io.opencloud.controlplane.federation.delegation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The macaroons this control plane issued to peers. */
@Repository
public class Grants {

    private static final String SELECT = """
            SELECT grant_id, peer_id, key_id, resource, action, not_before, expires_at, macaroon, issued_at, revoked_at
            FROM delegated_grant""";

    private final JdbcClient jdbc;

    public Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Grant grant) {
        jdbc.sql("""
                        INSERT INTO delegated_grant (grant_id, peer_id, key_id, resource, action, not_before, expires_at,
                            macaroon)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(grant.id(), grant.peer(), grant.keyId(), grant.resource(), grant.action(),
                        Timestamp.from(grant.notBefore().toInstant()), Timestamp.from(grant.expiresAt().toInstant()),
                        grant.macaroon())
                .update();
    }

    public Optional<Grant> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE grant_id = ?").param(id).query((row, n) -> grantOf(row)).optional();
    }

    public List<Grant> all() {
        return jdbc.sql(SELECT + " ORDER BY issued_at DESC").query((row, n) -> grantOf(row)).list();
    }

    /** Revokes the grant; revoking it again keeps the first time. */
    public void revoke(UUID id) {
        jdbc.sql("UPDATE delegated_grant SET revoked_at = now() WHERE grant_id = ? AND revoked_at IS NULL").param(id)
                .update();
    }

    private static Grant grantOf(ResultSet row) throws SQLException {
        return new Grant(row.getObject("grant_id", UUID.class), row.getString("peer_id"),
                row.getObject("key_id", UUID.class), row.getString("resource"),
                row.getString("action"), row.getObject("not_before", OffsetDateTime.class),
                row.getObject("expires_at", OffsetDateTime.class), row.getString("macaroon"),
                row.getObject("issued_at", OffsetDateTime.class), row.getObject("revoked_at", OffsetDateTime.class));
    }
}
