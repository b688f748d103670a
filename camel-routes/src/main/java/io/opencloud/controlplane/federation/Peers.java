package io.opencloud.controlplane.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The peers met in networks, with their keys and health. A peer is never forgotten: its past events name it. */
@Repository
public class Peers {

    private static final String SELECT = """
            SELECT p.peer_id, p.name, p.endpoint, p.health, p.failures, p.last_error,
                   p.first_seen_at, p.last_seen_at, p.checked_at,
                   array_remove(array_agg(m.network_id ORDER BY m.network_id), NULL) AS networks
            FROM federation_peer p LEFT JOIN federation_member m USING (peer_id)
            """;

    private final JdbcClient jdbc;

    public Peers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a peer's card (checked by {@link PeerCards} first), or its newer one: the peer signed it, so whoever
     * passed it on could not change it, and an older card than the one held changes nothing.
     */
    public void remember(PeerCard card) {
        jdbc.sql("""
                        INSERT INTO federation_peer (peer_id, name, endpoint, public_key, agreement_key, card_issued_at,
                            card_signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (peer_id) DO UPDATE SET name = excluded.name, endpoint = excluded.endpoint,
                            agreement_key = excluded.agreement_key, card_issued_at = excluded.card_issued_at,
                            card_signature = excluded.card_signature
                        WHERE federation_peer.card_issued_at::timestamptz < excluded.card_issued_at::timestamptz""")
                .params(card.peerId(), card.name(), card.endpoint(), card.publicKeyBytes(), card.agreementKeyBytes(),
                        card.issuedAt(), card.signature())
                .update();
    }

    public Optional<PeerCard> card(String peerId) {
        return jdbc.sql("""
                        SELECT peer_id, name, endpoint, public_key, agreement_key, card_issued_at, card_signature
                        FROM federation_peer WHERE peer_id = ?""")
                .param(peerId)
                .query((row, n) -> cardOf(row))
                .optional();
    }

    public List<Peer> all() {
        return jdbc.sql(SELECT + " GROUP BY p.peer_id ORDER BY p.name, p.peer_id").query((row, n) -> peerOf(row)).list();
    }

    public Optional<Peer> find(String peerId) {
        return jdbc.sql(SELECT + " WHERE p.peer_id = ? GROUP BY p.peer_id").param(peerId)
                .query((row, n) -> peerOf(row)).optional();
    }

    /**
     * The peer answered or sent a valid event: it is reachable again, whatever it was.
     *
     * @return whether it had been unreachable until now
     */
    public boolean answered(String peerId) {
        boolean wasUnreachable = jdbc.sql("SELECT health FROM federation_peer WHERE peer_id = ? FOR UPDATE")
                .param(peerId).query(String.class).optional().filter("UNREACHABLE"::equals).isPresent();
        jdbc.sql("""
                        UPDATE federation_peer SET health = 'REACHABLE', failures = 0, last_error = NULL,
                            last_seen_at = now(), checked_at = now()
                        WHERE peer_id = ?""")
                .param(peerId).update();
        return wasUnreachable;
    }

    /**
     * The peer did not answer; after {@code unreachableAfter} failures in a row it is unreachable. The error is cut
     * short: it may quote what answered at the peer's address.
     */
    public void failed(String peerId, String error, int unreachableAfter) {
        jdbc.sql("""
                        UPDATE federation_peer SET failures = failures + 1, last_error = ?, checked_at = now(),
                            health = CASE WHEN failures + 1 >= ? THEN 'UNREACHABLE' ELSE health END
                        WHERE peer_id = ?""")
                .params(error.length() > 500 ? error.substring(0, 500) + "…" : error, unreachableAfter, peerId).update();
    }

    public static PeerCard cardOf(ResultSet row) throws SQLException {
        return new PeerCard(row.getString("peer_id"), row.getString("name"), row.getString("endpoint"),
                Base64.getEncoder().encodeToString(row.getBytes("public_key")),
                Base64.getEncoder().encodeToString(row.getBytes("agreement_key")), row.getString("card_issued_at"),
                row.getString("card_signature"));
    }

    private static Peer peerOf(ResultSet row) throws SQLException {
        return new Peer(row.getString("peer_id"), row.getString("name"), row.getString("endpoint"),
                row.getString("health"), row.getInt("failures"), row.getString("last_error"),
                row.getObject("first_seen_at", OffsetDateTime.class),
                row.getObject("last_seen_at", OffsetDateTime.class), row.getObject("checked_at", OffsetDateTime.class),
                TextArrays.of(row, "networks"));
    }
}
