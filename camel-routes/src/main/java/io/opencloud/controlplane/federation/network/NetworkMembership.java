package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.Identity;
import io.opencloud.controlplane.federation.PeerAnswer;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.PeerCards;
import io.opencloud.controlplane.federation.PeerClient;
import io.opencloud.controlplane.federation.PeerDeliveries;
import io.opencloud.controlplane.federation.PeerUnavailableException;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.events.FederationType;
import io.opencloud.functions.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * This control plane's side of membership: creating a private network (it becomes the owner and holds the join
 * secret), asking to join one (with its key) or the public network (through any member), and leaving.
 */
@Service
public class NetworkMembership {

    private final Networks networks;
    private final Peers peers;
    private final PeerCards cards;
    private final Identities identities;
    private final SecretBox secrets;
    private final PeerClient client;
    private final PeerDeliveries deliveries;
    private final JsonMapper json;

    public NetworkMembership(Networks networks, Peers peers, PeerCards cards, Identities identities, SecretBox secrets,
                             PeerClient client, PeerDeliveries deliveries, JsonMapper json) {
        this.networks = networks;
        this.cards = cards;
        this.peers = peers;
        this.identities = identities;
        this.secrets = secrets;
        this.client = client;
        this.deliveries = deliveries;
        this.json = json;
    }

    /** Creates a private network owned by this control plane; returns its join key. */
    @Transactional
    public JoinKey create(String name) {
        Identity self = identities.self();
        String networkId = UUID.randomUUID().toString();
        String secret = JoinSecrets.fresh();
        networks.createPrivate(networkId, name, self.peerId(),
                secrets.seal(secret.getBytes(StandardCharsets.US_ASCII), JoinSecrets.sealedFor(networkId)));
        return new JoinKey(networkId, self.peerId(), self.endpoint(), secret);
    }

    /** The join key of a private network this control plane owns. */
    public JoinKey joinKey(NetworkRow network) {
        byte[] sealed = networks.sealedJoinSecret(network.networkId()).orElseThrow();
        Identity self = identities.self();
        return new JoinKey(network.networkId(), self.peerId(), self.endpoint(),
                new String(secrets.open(sealed, JoinSecrets.sealedFor(network.networkId())), StandardCharsets.US_ASCII));
    }

    /**
     * Asks a private network's owner to admit this control plane. The owner's answer to the request comes back at
     * once; the membership itself arrives as the owner's announcement.
     */
    public PeerCard join(JoinKey key) {
        if (networks.find(key.network()).isPresent()) {
            throw RequestRefusedException.conflict("this control plane is already a member of network " + key.network());
        }
        PeerCard owner = reach(key.endpoint());
        if (!owner.peerId().equals(key.owner())) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "not-the-owner", List.of(key.endpoint()
                    + " answers as " + owner.name() + " (" + owner.peerId() + "), not as the network's owner "
                    + key.owner() + ": the join key does not come from whoever answers there"));
        }
        ask(owner, key.network(), JoinProof.of(key.secret(), key.network(), identities.self().peerId()));
        return owner;
    }

    /** Asks a member of the public network, at {@code endpoint}, to admit this control plane and introduce it. */
    public PeerCard joinPublic(String endpoint) {
        PeerCard member = reach(endpoint);
        if (member.peerId().equals(identities.self().peerId())) {
            throw RequestRefusedException.invalid(List.of("endpoint: " + endpoint + " is this control plane itself"));
        }
        ask(member, NetworkRow.PUBLIC_ID, null);
        return member;
    }

    /**
     * Tells every other member this control plane leaves, then forgets the network and what was shared there. When
     * the owner leaves, its members dissolve the network.
     */
    @Transactional
    public void leave(NetworkRow network) {
        networks.lock(network.networkId());
        ObjectNode data = json.createObjectNode().put("network", network.networkId())
                .put("peerId", identities.self().peerId());
        for (PeerCard member : networks.members(network.networkId())) {
            deliveries.enqueue(member.peerId(), FederationType.LEAVE_COMPLETED, network.networkId(), data);
        }
        networks.forget(network.networkId());
    }

    private PeerCard reach(String endpoint) {
        try {
            PeerCard card = client.identity(endpoint);
            Optional<String> refusal = cards.refusal(card);
            if (refusal.isPresent()) {
                throw new RequestRefusedException(HttpStatus.BAD_GATEWAY, "untrusted-card", List.of(endpoint
                        + " answers with a card that cannot be taken: " + refusal.get()));
            }
            return card;
        } catch (PeerUnavailableException e) {
            throw new RequestRefusedException(HttpStatus.BAD_GATEWAY, "peer-unavailable", List.of(e.getMessage()));
        }
    }

    private void ask(PeerCard admitter, String networkId, String proof) {
        peers.remember(admitter);
        networks.requestJoin(networkId, admitter.peerId());
        ObjectNode data = json.createObjectNode().put("network", networkId);
        data.set("member", json.valueToTree(identities.card()));
        if (proof != null) {
            data.put("proof", proof);
        }
        PeerAnswer answer;
        try {
            answer = client.send(admitter, UUID.randomUUID().toString(), FederationType.JOIN_REQUESTED, networkId,
                    data.toString().getBytes(StandardCharsets.UTF_8));
        } catch (PeerUnavailableException e) {
            // The request stays asked for: had the admitter taken it before the answer was lost, its announcement
            // still finds this control plane expecting it.
            throw new RequestRefusedException(HttpStatus.BAD_GATEWAY, "peer-unavailable", List.of(e.getMessage()
                    + "; if it took the request the membership still arrives, otherwise ask again"));
        }
        if (!answer.taken()) {
            networks.clearJoinRequest(networkId);
            throw new RequestRefusedException(answer.status() == 403 ? HttpStatus.FORBIDDEN : HttpStatus.BAD_GATEWAY,
                    "join-refused", List.of(admitter.name() + " refused the join: " + detail(answer)));
        }
    }

    private String detail(PeerAnswer answer) {
        try {
            JsonNode problem = json.readTree(answer.body());
            return problem.path("detail").asString(answer.body());
        } catch (RuntimeException e) {
            return answer.status() + " " + answer.body();
        }
    }
}
