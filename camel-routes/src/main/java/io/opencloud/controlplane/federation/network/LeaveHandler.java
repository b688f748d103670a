package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.federation.PeerEventHandler;
import io.opencloud.controlplane.federation.PeerEventRefusedException;
import io.opencloud.controlplane.federation.VerifiedPeerEvent;
import io.opencloud.controlplane.federation.catalog.SharedResources;
import io.opencloud.events.FederationType;
import org.springframework.stereotype.Component;

/**
 * Forgets a member that left a network, and what it shared there. Only a member can leave, and only for itself. When
 * the owner of a private network leaves, the network is dissolved: nobody could admit members any more.
 *
 * <p>Consumes {@code io.opencloud.federation.leave.completed.v1}; produces nothing. Idempotent.
 */
@Component
public class LeaveHandler implements PeerEventHandler {

    private final Networks networks;
    private final SharedResources shared;

    public LeaveHandler(Networks networks, SharedResources shared) {
        this.networks = networks;
        this.shared = shared;
    }

    @Override
    public FederationType type() {
        return FederationType.LEAVE_COMPLETED;
    }

    @Override
    public String handle(VerifiedPeerEvent event) {
        String networkId = event.data().get("network").asString();
        String leaving = event.data().get("peerId").asString();
        if (!leaving.equals(event.signer().peerId())) {
            throw PeerEventRefusedException.refused(event.signer().name() + " cannot announce that another member left");
        }
        if (!networks.isMember(networkId, leaving)) {
            throw PeerEventRefusedException.refused(event.signer().name() + " is not a member of network " + networkId
                    + " here");
        }
        networks.lock(networkId);
        if (networks.find(networkId).map(NetworkRow::owner).filter(leaving::equals).isPresent()) {
            networks.forget(networkId);
            return event.signer().name() + " dissolved network " + networkId + ", which it owned";
        }
        networks.removeMember(networkId, leaving);
        shared.forget(networkId, leaving);
        return event.signer().name() + " left network " + networkId;
    }
}
