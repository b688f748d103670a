package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.PeerEventHandler;
import io.opencloud.controlplane.federation.PeerEventRefusedException;
import io.opencloud.controlplane.federation.VerifiedPeerEvent;
import io.opencloud.controlplane.federation.catalog.SharedResources;
import io.opencloud.events.FederationType;
import org.springframework.stereotype.Component;

/**
 * Forgets a member that left a network, and what it shared there. Only a member can leave, and only for itself. When
 * the owner of a private network leaves, the network is dissolved: nobody could admit members any more. The owner
 * that learns of a leave announces the members again, so that an announcement that still listed the leaver, and
 * overtook its leave, is replaced.
 *
 * <p>Consumes {@code io.opencloud.federation.leave.completed.v1}; produces
 * {@code io.opencloud.federation.join.completed.v1} (at the owner, to the remaining members). Idempotent.
 */
@Component
public class LeaveHandler implements PeerEventHandler {

    private final Networks networks;
    private final SharedResources shared;
    private final Identities identities;
    private final MembershipAnnouncer announcer;

    public LeaveHandler(Networks networks, SharedResources shared, Identities identities,
                        MembershipAnnouncer announcer) {
        this.networks = networks;
        this.shared = shared;
        this.identities = identities;
        this.announcer = announcer;
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
        networks.lock(networkId);
        if (!networks.isMember(networkId, leaving)) {
            throw PeerEventRefusedException.tooEarly(event.signer().name() + " is not a member of network "
                    + networkId + " here (or the news of its joining has not arrived yet)");
        }
        NetworkRow network = networks.find(networkId).orElseThrow();
        if (leaving.equals(network.owner())) {
            networks.forget(networkId);
            return event.signer().name() + " dissolved network " + networkId + ", which it owned";
        }
        networks.removeMember(networkId, leaving);
        shared.forget(networkId, leaving);
        if (identities.self().peerId().equals(network.owner())) {
            announcer.announce(network);
        }
        return event.signer().name() + " left network " + networkId;
    }
}
