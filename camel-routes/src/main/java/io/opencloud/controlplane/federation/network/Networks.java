package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.Peers;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The networks this control plane belongs to, their other members, and the joins it has asked for. */
@Repository
public class Networks {

    private final JdbcClient jdbc;

    public Networks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<NetworkRow> find(String networkId) {
        return jdbc.sql("""
                        SELECT network_id, name, visibility, owner_peer_id, joined_at FROM federation_network
                        WHERE network_id = ?""")
                .param(networkId)
                .query((row, n) -> new NetworkRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    public List<NetworkRow> all() {
        return jdbc.sql("""
                        SELECT network_id, name, visibility, owner_peer_id, joined_at FROM federation_network
                        ORDER BY visibility, name, network_id""")
                .query((row, n) -> new NetworkRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /**
     * Locks the network's row until the transaction ends, so that joins, leaves and announcements of one network
     * take turns and each announcement lists what the one before it left.
     */
    public void lock(String networkId) {
        jdbc.sql("SELECT network_id FROM federation_network WHERE network_id = ? FOR UPDATE").param(networkId)
                .query(String.class).optional();
    }

    /** Takes the sequence of a membership announcement; false when one as new or newer was taken before. */
    public boolean takeMembersSequence(String networkId, long sequence) {
        return jdbc.sql("""
                        UPDATE federation_network SET members_sequence = ?
                        WHERE network_id = ? AND members_sequence < ?""")
                .params(sequence, networkId, sequence).update() == 1;
    }

    public void createPrivate(String networkId, String name, String ownerPeerId, byte[] sealedJoinSecret) {
        jdbc.sql("""
                        INSERT INTO federation_network (network_id, name, visibility, owner_peer_id, sealed_join_secret)
                        VALUES (?, ?, 'PRIVATE', ?, ?)""")
                .params(networkId, name, ownerPeerId, sealedJoinSecret).update();
    }

    /** Records a private network this control plane was admitted to, or its new name. */
    public void remember(String networkId, String name, String ownerPeerId) {
        jdbc.sql("""
                        INSERT INTO federation_network (network_id, name, visibility, owner_peer_id)
                        VALUES (?, ?, 'PRIVATE', ?)
                        ON CONFLICT (network_id) DO UPDATE SET name = excluded.name""")
                .params(networkId, name, ownerPeerId).update();
    }

    /** The sealed join secret, which only the owner of a private network holds. */
    public Optional<byte[]> sealedJoinSecret(String networkId) {
        return jdbc.sql("SELECT sealed_join_secret FROM federation_network WHERE network_id = ?")
                .param(networkId).query(byte[].class).optional().filter(secret -> secret != null);
    }

    /** The other members of the network, as their cards. */
    public List<PeerCard> members(String networkId) {
        return jdbc.sql("""
                        SELECT p.peer_id, p.name, p.endpoint, p.public_key, p.agreement_key, p.card_issued_at,
                               p.card_signature
                        FROM federation_member m JOIN federation_peer p USING (peer_id)
                        WHERE m.network_id = ? ORDER BY p.name, p.peer_id""")
                .param(networkId)
                .query((row, n) -> Peers.cardOf(row))
                .list();
    }

    public boolean isMember(String networkId, String peerId) {
        return jdbc.sql("SELECT count(*) FROM federation_member WHERE network_id = ? AND peer_id = ?")
                .params(networkId, peerId).query(Integer.class).single() > 0;
    }

    /** Adds the members; returns those that were not members before. */
    public Set<String> addMembers(String networkId, Set<String> peerIds) {
        Set<String> added = new HashSet<>();
        for (String peerId : peerIds) {
            if (jdbc.sql("INSERT INTO federation_member (network_id, peer_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(networkId, peerId).update() == 1) {
                added.add(peerId);
            }
        }
        return added;
    }

    /** Makes the members exactly these; returns the ones removed. */
    public Set<String> keepOnly(String networkId, Set<String> peerIds) {
        Set<String> removed = new HashSet<>(jdbc.sql("SELECT peer_id FROM federation_member WHERE network_id = ?")
                .param(networkId).query(String.class).list());
        removed.removeAll(peerIds);
        for (String peerId : removed) {
            removeMember(networkId, peerId);
        }
        return removed;
    }

    public void removeMember(String networkId, String peerId) {
        jdbc.sql("DELETE FROM federation_member WHERE network_id = ? AND peer_id = ?").params(networkId, peerId)
                .update();
    }

    /**
     * Forgets a network this control plane left, with its members and what was shared there; the public network
     * stays, empty, since every control plane belongs to it.
     */
    public void forget(String networkId) {
        if (NetworkRow.PUBLIC_ID.equals(networkId)) {
            jdbc.sql("DELETE FROM federation_member WHERE network_id = ?").param(networkId).update();
            jdbc.sql("DELETE FROM catalog_resource_share WHERE network_id = ?").param(networkId).update();
            jdbc.sql("DELETE FROM catalog_shared_resource WHERE network_id = ?").param(networkId).update();
            jdbc.sql("DELETE FROM catalog_share_sequence WHERE network_id = ?").param(networkId).update();
        } else {
            jdbc.sql("DELETE FROM federation_network WHERE network_id = ?").param(networkId).update();
        }
    }

    public void requestJoin(String networkId, String admitterPeerId) {
        jdbc.sql("""
                        INSERT INTO federation_join_request (network_id, admitter_peer_id) VALUES (?, ?)
                        ON CONFLICT (network_id) DO UPDATE SET admitter_peer_id = excluded.admitter_peer_id,
                            requested_at = now()""")
                .params(networkId, admitterPeerId).update();
    }

    /** The peer asked to admit this control plane to the network, while its answer is awaited. */
    public Optional<String> pendingAdmitter(String networkId) {
        return jdbc.sql("SELECT admitter_peer_id FROM federation_join_request WHERE network_id = ?")
                .param(networkId).query(String.class).optional();
    }

    public void clearJoinRequest(String networkId) {
        jdbc.sql("DELETE FROM federation_join_request WHERE network_id = ?").param(networkId).update();
    }
}
