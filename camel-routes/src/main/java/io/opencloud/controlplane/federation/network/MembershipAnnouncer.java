package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.PeerDeliveries;
import io.opencloud.events.FederationType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells every member of a network who its members are ({@code io.opencloud.federation.join.completed.v1}), this
 * control plane included, numbered so that a member can ignore an announcement that overtook a newer one; written to
 * the peers' outbox, in the caller's transaction, which holds the network's lock.
 */
@Component
public class MembershipAnnouncer {

    private final Networks networks;
    private final Identities identities;
    private final PeerDeliveries deliveries;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MembershipAnnouncer(Networks networks, Identities identities, PeerDeliveries deliveries, JdbcClient jdbc,
                               JsonMapper json) {
        this.networks = networks;
        this.jdbc = jdbc;
        this.identities = identities;
        this.deliveries = deliveries;
        this.json = json;
    }

    public void announce(NetworkRow network) {
        List<PeerCard> others = networks.members(network.networkId());
        List<PeerCard> everyone = new ArrayList<>(others);
        everyone.addFirst(identities.card());
        long sequence = jdbc.sql("SELECT nextval('federation_share_sequence')").query(Long.class).single();
        ObjectNode data = json.createObjectNode().put("network", network.networkId()).put("name", network.name())
                .put("visibility", network.visibility()).put("sequence", sequence);
        if (network.owner() != null) {
            data.put("owner", network.owner());
        }
        data.set("members", json.valueToTree(everyone));
        for (PeerCard member : others) {
            deliveries.enqueue(member.peerId(), FederationType.JOIN_COMPLETED, network.networkId(), data);
        }
    }
}
