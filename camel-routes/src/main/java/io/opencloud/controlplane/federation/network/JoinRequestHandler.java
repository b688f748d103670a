package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.PeerEventHandler;
import io.opencloud.controlplane.federation.PeerEventRefusedException;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.controlplane.federation.VerifiedPeerEvent;
import io.opencloud.controlplane.federation.catalog.ShareAnnouncements;
import io.opencloud.events.FederationType;
import io.opencloud.functions.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Admits a control plane to a network: to the public network whoever asks, to a private network only at its owner
 * and only with proof of the join key. The newcomer becomes a member, every member (the newcomer included) is told
 * the members, and the newcomer is told what this control plane shares there.
 *
 * <p>Consumes {@code io.opencloud.federation.join.requested.v1}; produces
 * {@code io.opencloud.federation.join.completed.v1} (to every member) and
 * {@code io.opencloud.federation.share.completed.v1} (to the newcomer). Idempotent: admitting a member again changes
 * nothing but repeats the announcements.
 */
@Component
public class JoinRequestHandler implements PeerEventHandler {

    private final Networks networks;
    private final Peers peers;
    private final Identities identities;
    private final SecretBox secrets;
    private final MembershipAnnouncer announcer;
    private final ShareAnnouncements shares;

    public JoinRequestHandler(Networks networks, Peers peers, Identities identities, SecretBox secrets,
                              MembershipAnnouncer announcer, ShareAnnouncements shares) {
        this.networks = networks;
        this.peers = peers;
        this.identities = identities;
        this.secrets = secrets;
        this.announcer = announcer;
        this.shares = shares;
    }

    @Override
    public FederationType type() {
        return FederationType.JOIN_REQUESTED;
    }

    @Override
    public String handle(VerifiedPeerEvent event) {
        String networkId = event.data().get("network").asString();
        PeerCard newcomer = event.signer();
        networks.lock(networkId);
        NetworkRow network = networks.find(networkId).orElseThrow(() -> PeerEventRefusedException.refused(
                "this control plane is not a member of network " + networkId));
        String self = identities.self().peerId();
        if (newcomer.peerId().equals(self)) {
            throw PeerEventRefusedException.refused("a control plane cannot join a network through itself");
        }
        if (!network.isPublic()) {
            if (!self.equals(network.owner())) {
                throw PeerEventRefusedException.refused("network " + networkId + " (" + network.name() + ") is owned by "
                        + network.owner() + "; only its owner admits members");
            }
            String secret = new String(secrets.open(networks.sealedJoinSecret(networkId).orElseThrow(),
                    JoinSecrets.sealedFor(networkId)), StandardCharsets.US_ASCII);
            if (!JoinProof.matches(secret, networkId, newcomer.peerId(), event.data().path("proof").asString(null))) {
                throw PeerEventRefusedException.refused("the join key " + newcomer.name() + " used does not match network "
                        + networkId + " (" + network.name() + "): ask its owner for the current key");
            }
        }
        peers.remember(newcomer);
        networks.addMembers(networkId, Set.of(newcomer.peerId()));
        announcer.announce(network);
        shares.announceTo(networkId, Set.of(newcomer.peerId()));
        return "admitted " + newcomer.name() + " (" + newcomer.peerId() + ") to network " + network.name();
    }
}
