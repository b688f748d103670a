package io.opencloud.controlplane.federation.catalog;

import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.PeerDeliveries;
import io.opencloud.controlplane.federation.network.Networks;
import io.opencloud.events.FederationType;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells a network's members everything this control plane shares there
 * ({@code io.opencloud.federation.share.completed.v1}), numbered so that an older announcement cannot overwrite a
 * newer one; written to the peers' outbox in the caller's transaction.
 */
@Component
public class ShareAnnouncements {

    private final CatalogResources resources;
    private final Networks networks;
    private final PeerDeliveries deliveries;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ShareAnnouncements(CatalogResources resources, Networks networks, PeerDeliveries deliveries,
                              JdbcClient jdbc, JsonMapper json) {
        this.resources = resources;
        this.networks = networks;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** To every member of the network. */
    public void announce(String networkId) {
        announceTo(networkId, networks.members(networkId).stream().map(PeerCard::peerId).toList());
    }

    public void announceTo(String networkId, Collection<String> peerIds) {
        if (peerIds.isEmpty()) {
            return;
        }
        // Under the network's lock, a later sequence always reads what every earlier announcement's change wrote.
        networks.lock(networkId);
        long sequence = jdbc.sql("SELECT nextval('federation_share_sequence')").query(Long.class).single();
        ObjectNode data = json.createObjectNode().put("network", networkId).put("sequence", sequence);
        data.set("resources", json.valueToTree(resources.sharedWith(networkId)));
        for (String peerId : peerIds) {
            deliveries.enqueue(peerId, FederationType.SHARE_COMPLETED, networkId, data);
        }
    }
}
