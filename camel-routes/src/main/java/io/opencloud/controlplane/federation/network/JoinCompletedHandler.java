package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.PeerCards;
import io.opencloud.controlplane.federation.PeerEventHandler;
import io.opencloud.controlplane.federation.PeerEventRefusedException;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.controlplane.federation.VerifiedPeerEvent;
import io.opencloud.controlplane.federation.catalog.ShareAnnouncements;
import io.opencloud.controlplane.federation.catalog.SharedResources;
import io.opencloud.events.FederationType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learns a network's members. Taken only from the member this control plane asked to admit it, from a private
 * network's owner, or from a member of the public network; and only when it lists this control plane. A private
 * network's list replaces what was known (its owner decides), unless a newer list was taken before, and the
 * resources of members no longer listed are forgotten; the public network's list adds members. A card that cannot
 * be taken (not signed by its own member, or at an address this control plane does not call) is left out, unless it
 * is the sender's. Each member met for the first time is told what this control
 * plane shares in the network.
 *
 * <p>Consumes {@code io.opencloud.federation.join.completed.v1}; produces
 * {@code io.opencloud.federation.share.completed.v1} (to the members new to this control plane). Idempotent.
 */
@Component
public class JoinCompletedHandler implements PeerEventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JoinCompletedHandler.class);

    private final Networks networks;
    private final Peers peers;
    private final Identities identities;
    private final PeerCards cards;
    private final ShareAnnouncements shares;
    private final SharedResources shared;
    private final JsonMapper json;

    public JoinCompletedHandler(Networks networks, Peers peers, Identities identities, PeerCards cards,
                                ShareAnnouncements shares, SharedResources shared, JsonMapper json) {
        this.networks = networks;
        this.cards = cards;
        this.peers = peers;
        this.identities = identities;
        this.shares = shares;
        this.shared = shared;
        this.json = json;
    }

    @Override
    public FederationType type() {
        return FederationType.JOIN_COMPLETED;
    }

    @Override
    public String handle(VerifiedPeerEvent event) {
        String networkId = event.data().get("network").asString();
        String visibility = event.data().get("visibility").asString();
        String owner = event.data().path("owner").asString(null);
        String signer = event.signer().peerId();
        boolean isPublic = NetworkRow.PUBLIC_ID.equals(networkId);
        if (isPublic != NetworkRow.PUBLIC.equals(visibility) || isPublic == (owner != null)) {
            throw PeerEventRefusedException.refused("only the network \"public\" is public, and it alone has no owner");
        }
        networks.lock(networkId);
        Optional<NetworkRow> known = networks.find(networkId);
        boolean asked = networks.pendingAdmitter(networkId).filter(signer::equals).isPresent();
        if (!asked) {
            if (known.isEmpty()) {
                throw PeerEventRefusedException.refused("this control plane did not ask to join network " + networkId
                        + " and is not a member of it");
            }
            if (!isPublic && !signer.equals(known.get().owner())) {
                throw PeerEventRefusedException.refused(event.signer().name() + " is not the owner of network "
                        + networkId + "; only its owner announces its members");
            }
            if (isPublic && !networks.isMember(networkId, signer)) {
                throw PeerEventRefusedException.refused(event.signer().name() + " is not a member of the public network"
                        + " here; it cannot announce members");
            }
        }
        if (!isPublic && !signer.equals(owner)) {
            throw PeerEventRefusedException.refused("the announcement names " + owner + " as the owner, but "
                    + event.signer().name() + " signed it");
        }
        List<PeerCard> members = StreamSupport.stream(event.data().get("members").spliterator(), false)
                .map(node -> json.convertValue(node, PeerCard.class)).toList();
        String self = identities.self().peerId();
        if (members.stream().noneMatch(member -> member.peerId().equals(self))) {
            throw PeerEventRefusedException.refused("the announcement of network " + networkId
                    + " does not list this control plane");
        }
        List<PeerCard> taken = new ArrayList<>();
        for (PeerCard member : members) {
            Optional<String> refusal = cards.refusal(member);
            if (refusal.isEmpty()) {
                taken.add(member);
            } else if (member.peerId().equals(signer)) {
                throw PeerEventRefusedException.refused("the announcement lists its sender's card, which cannot be"
                        + " taken: " + refusal.get());
            } else if (!member.peerId().equals(self)) {
                LOG.warn("Left out a member of network {} announced by {}: {}", networkId, event.signer().name(),
                        refusal.get());
            }
        }
        if (!isPublic) {
            networks.remember(networkId, event.data().get("name").asString(), owner);
            if (!networks.takeMembersSequence(networkId, event.data().get("sequence").asLong())) {
                return "an announcement of network " + networkId + " newer than this one was taken before;"
                        + " nothing changed";
            }
        }
        Set<String> others = new LinkedHashSet<>();
        for (PeerCard member : taken) {
            if (!member.peerId().equals(self)) {
                peers.remember(member);
                others.add(member.peerId());
            }
        }
        if (!isPublic) {
            for (String removed : networks.keepOnly(networkId, others)) {
                shared.forget(networkId, removed);
            }
        }
        Set<String> added = networks.addMembers(networkId, others);
        networks.clearJoinRequest(networkId);
        shares.announceTo(networkId, added);
        return "network " + networkId + " has " + members.size() + " members, " + added.size() + " new here";
    }
}
