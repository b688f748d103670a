package io.opencloud.controlplane.federation;

import io.opencloud.events.FederationType;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells every peer this control plane shares a network with its new card ({@code
 * io.opencloud.federation.card.completed.v1}), written to the peers' outbox in the transaction of the change.
 */
@Component
public class CardAnnouncer {

    private final Identities identities;
    private final PeerDeliveries deliveries;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CardAnnouncer(Identities identities, PeerDeliveries deliveries, JdbcClient jdbc, JsonMapper json) {
        this.identities = identities;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** To every peer this control plane shares a network with. */
    public void announce() {
        List<String> peers = jdbc.sql("SELECT DISTINCT peer_id FROM federation_member ORDER BY peer_id")
                .query(String.class).list();
        peers.forEach(this::announceTo);
    }

    public void announceTo(String peerId) {
        PeerCard card = identities.card();
        ObjectNode data = json.createObjectNode();
        data.set("member", json.valueToTree(card));
        deliveries.enqueue(peerId, FederationType.CARD_COMPLETED, card.peerId(), data);
    }
}
