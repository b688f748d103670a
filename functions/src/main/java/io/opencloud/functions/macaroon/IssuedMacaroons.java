package io.opencloud.functions.macaroon;

import io.opencloud.functions.CommandHeaders.CommandId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The macaroon issued for each issue command, so that a redelivered command gets the same macaroon back. */
@Repository
public class IssuedMacaroons {

    private final JdbcClient jdbc;

    public IssuedMacaroons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MacaroonIssued> find(CommandId command) {
        return jdbc.sql("""
                        SELECT macaroon, key_id, resource, action, expires_at FROM issued_macaroon
                        WHERE command_source = ? AND command_id = ?""")
                .params(command.source(), command.id())
                .query((rs, n) -> new MacaroonIssued(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant().toString()))
                .optional();
    }

    /** Records the macaroon unless a concurrent delivery of the same command won; returns the one on record. */
    public MacaroonIssued recordOnce(CommandId command, MacaroonIssued issued, MacaroonIdentifier identifier,
                                     String sagaId) {
        jdbc.sql("""
                        INSERT INTO issued_macaroon (command_source, command_id, key_id, macaroon, resource, action,
                            expires_at, identifier, saga_id)
                        VALUES (?, ?, ?::uuid, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (command_source, command_id) DO NOTHING""")
                .params(command.source(), command.id(), issued.keyId(), issued.macaroon(), issued.resource(),
                        issued.action(), Timestamp.from(Instant.parse(issued.expiresAt())), identifier.toString(),
                        sagaId)
                .update();
        return find(command).orElseThrow();
    }

    /**
     * Revokes every macaroon issued for the saga, those to come included (a revoke may overtake the issue it
     * compensates); returns how many the saga had been issued so far.
     */
    public int revokeSaga(String sagaId) {
        jdbc.sql("INSERT INTO revoked_saga_macaroons (saga_id) VALUES (?) ON CONFLICT (saga_id) DO NOTHING")
                .param(sagaId).update();
        return jdbc.sql("SELECT count(*) FROM issued_macaroon WHERE saga_id = ?").param(sagaId)
                .query(Integer.class).single();
    }

    /** When the macaroon with this identifier was revoked, if it was. */
    public Optional<Instant> revokedAt(MacaroonIdentifier identifier) {
        return jdbc.sql("""
                        SELECT r.revoked_at FROM issued_macaroon m JOIN revoked_saga_macaroons r USING (saga_id)
                        WHERE m.identifier = ?""")
                .param(identifier.toString())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }
}
