package io.opencloud.controlplane.federation.network;

import io.opencloud.controlplane.access.PlatformAdmin;
import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.Peer;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.Names;
import io.opencloud.controlplane.provision.RequestRefusedException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /networks}: the networks this control plane belongs to ({@code GET}), a new private network
 * ({@code POST}, answered with its join key), joining one ({@code POST /networks/join} with a join key, or with
 * {@code "network":"public"} and the endpoint of any public member) and leaving one
 * ({@code DELETE /networks/{id}/membership}).
 */
@RestController
@PlatformAdmin
@RequestMapping("/networks")
public class NetworksController {

    private final Networks networks;
    private final NetworkMembership membership;
    private final Peers peers;
    private final Identities identities;
    private final JsonMapper json;

    public NetworksController(Networks networks, NetworkMembership membership, Peers peers, Identities identities,
                              JsonMapper json) {
        this.networks = networks;
        this.membership = membership;
        this.peers = peers;
        this.identities = identities;
        this.json = json;
    }

    @GetMapping
    public List<NetworkView> list() {
        return networks.all().stream().map(network -> view(network, false)).toList();
    }

    @GetMapping("/{id}")
    public NetworkView get(@PathVariable String id) {
        return view(find(id), true);
    }

    @PostMapping
    public ResponseEntity<NetworkView> create(@RequestBody(required = false) String text) {
        JsonNode body = JsonBodies.object(json, text);
        String name = body.path("name").asString(null);
        if (!Names.valid(name)) {
            throw RequestRefusedException.invalid(List.of("name: " + Names.rule()));
        }
        JoinKey key = membership.create(name);
        return ResponseEntity.created(URI.create("/networks/" + key.network())).body(view(find(key.network()), true));
    }

    @PostMapping("/join")
    public ResponseEntity<Map<String, String>> join(@RequestBody(required = false) String text) {
        JsonNode body = JsonBodies.object(json, text);
        PeerCard admitter;
        String network;
        if (NetworkRow.PUBLIC_ID.equals(body.path("network").asString(null))) {
            String endpoint = body.path("endpoint").asString(null);
            if (!PeerCard.isHttpUrl(endpoint)) {
                throw RequestRefusedException.invalid(List.of("endpoint: the http or https URL of any control plane"
                        + " in the public network"));
            }
            admitter = membership.joinPublic(endpoint);
            network = NetworkRow.PUBLIC_ID;
        } else {
            JoinKey key;
            try {
                key = JoinKey.decode(body.path("joinKey").asString(null));
            } catch (IllegalArgumentException e) {
                throw RequestRefusedException.invalid(List.of("joinKey: " + e.getMessage()));
            }
            admitter = membership.join(key);
            network = key.network();
        }
        return ResponseEntity.accepted().body(Map.of("network", network, "status", "requested",
                "admitter", admitter.name(), "detail", admitter.name() + " took the request; the membership arrives"
                        + " with its announcement (GET /networks/" + network + ")"));
    }

    @DeleteMapping("/{id}/membership")
    public ResponseEntity<Void> leave(@PathVariable String id) {
        membership.leave(find(id));
        return ResponseEntity.noContent().build();
    }

    private NetworkRow find(String id) {
        return networks.find(id).orElseThrow(() -> RequestRefusedException.notFound("network " + id + " (here)"));
    }

    private NetworkView view(NetworkRow network, boolean withKey) {
        boolean owned = network.owner() != null && network.owner().equals(identities.self().peerId());
        List<NetworkView.Member> members = networks.members(network.networkId()).stream()
                .map(card -> member(card.peerId())).toList();
        NetworkView.Member owner = network.owner() == null ? null : owned ? new NetworkView.Member(network.owner(),
                identities.self().name(), identities.self().endpoint(), "SELF", null) : member(network.owner());
        return new NetworkView(network.networkId(), network.name(), network.visibility(), owner, owned,
                network.joinedAt(), members, owned && withKey ? membership.joinKey(network).encode() : null);
    }

    private NetworkView.Member member(String peerId) {
        Peer peer = peers.find(peerId).orElseThrow();
        return new NetworkView.Member(peer.peerId(), peer.name(), peer.endpoint(), peer.health(), peer.lastSeenAt());
    }
}
