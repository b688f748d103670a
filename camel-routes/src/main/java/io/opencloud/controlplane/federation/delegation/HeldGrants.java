package io.opencloud.controlplane.federation.delegation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The macaroons providers granted this control plane. */
@Repository
public class HeldGrants {

    private static final String SELECT = """
            SELECT provider_peer_id, grant_id, resource, action, not_before, expires_at, macaroon, received_at
            FROM held_grant""";

    private final JdbcClient jdbc;

    public HeldGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the grant; the same grant handed over again changes nothing. */
    public void keep(String provider, UUID id, String resource, String action, Instant notBefore, Instant expiresAt,
                     String macaroon) {
        jdbc.sql("""
                        INSERT INTO held_grant (provider_peer_id, grant_id, resource, action, not_before, expires_at,
                            macaroon)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(provider, id, resource, action, Timestamp.from(notBefore), Timestamp.from(expiresAt), macaroon)
                .update();
    }

    public List<HeldGrant> all() {
        return jdbc.sql(SELECT + " ORDER BY received_at DESC").query((row, n) -> heldOf(row)).list();
    }

    public Optional<HeldGrant> find(String provider, UUID id) {
        return jdbc.sql(SELECT + " WHERE provider_peer_id = ? AND grant_id = ?").params(provider, id)
                .query((row, n) -> heldOf(row)).optional();
    }

    private static HeldGrant heldOf(ResultSet row) throws SQLException {
        return new HeldGrant(row.getString("provider_peer_id"), row.getObject("grant_id", UUID.class),
                row.getString("resource"), row.getString("action"), row.getObject("not_before", OffsetDateTime.class),
                row.getObject("expires_at", OffsetDateTime.class), row.getString("macaroon"),
                row.getObject("received_at", OffsetDateTime.class));
    }
}
