package io.opencloud.controlplane.federation.delegation;

import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsBuilder;
import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.Identity;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.PeerDeliveries;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.functions.secrets.RandomText;
import io.opencloud.controlplane.federation.catalog.CatalogResources;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.events.FederationType;
import io.opencloud.functions.macaroon.Caveats;
import io.opencloud.functions.macaroon.MacaroonCodec;
import io.opencloud.functions.macaroon.MacaroonIdentifier;
import io.opencloud.functions.macaroon.RootKey;
import io.opencloud.functions.macaroon.RootKeyStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues a peer a macaroon for one of this control plane's resources, one action and a time window, and hands it to
 * the peer ({@code io.opencloud.federation.grant.completed.v1}). Only a resource shared with a network the peer
 * belongs to can be granted. Besides its first-party caveats, the macaroon carries a third-party caveat located at
 * the peer, readable by the peer alone ({@link CaveatIds}): whoever presents it must bring the peer's discharge, so a
 * macaroon copied away from the peer is worthless.
 */
@Service
public class GrantIssuer {

    static final String PEER_PREDICATE = "peer = ";

    private final Peers peers;
    private final CatalogResources resources;
    private final GrantShares shares;
    private final RootKeyStore keys;
    private final Identities identities;
    private final Grants grants;
    private final PeerDeliveries deliveries;
    private final JsonMapper json;

    public GrantIssuer(Peers peers, CatalogResources resources, GrantShares shares, RootKeyStore keys,
                       Identities identities, Grants grants, PeerDeliveries deliveries, JsonMapper json) {
        this.peers = peers;
        this.resources = resources;
        this.shares = shares;
        this.keys = keys;
        this.identities = identities;
        this.grants = grants;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Transactional
    public Grant issue(String peerId, String resource, String action, Instant notBefore, Instant expiresAt) {
        PeerCard peer = peers.card(peerId).orElseThrow(() -> RequestRefusedException.notFound("peer " + peerId));
        String root = GrantShares.rootOf(resource);
        resources.find(root).orElseThrow(() -> RequestRefusedException.notFound("resource " + root
                + " of this control plane"));
        if (!shares.shared(resource, peerId)) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "not-shared", List.of("resource " + root
                    + " is not shared with any network " + peer.name() + " belongs to; share it first"));
        }
        Identity self = identities.self();
        RootKey key = keys.current();
        UUID id = UUID.randomUUID();
        String caveatKey = RandomText.base64url(32);
        String caveatId = CaveatIds.seal(identities.agreementKey(), peer.agreementKeyBytes(), self.peerId(), peerId,
                caveatKey, PEER_PREDICATE + peerId);
        Macaroon macaroon = new MacaroonsBuilder(self.endpoint(), key.secret(),
                new MacaroonIdentifier(key.id(), id.toString()).toString())
                .addCaveat(Caveats.resource(resource))
                .addCaveat(Caveats.action(action))
                .addCaveat(Caveats.notBefore(notBefore))
                .addCaveat(Caveats.expires(expiresAt))
                .add_third_party_caveat(peer.endpoint(), caveatKey, caveatId)
                .getMacaroon();
        Grant grant = new Grant(id, peerId, key.id(), resource, action, notBefore.atOffset(ZoneOffset.UTC),
                expiresAt.atOffset(ZoneOffset.UTC), MacaroonCodec.encode(macaroon), null, null);
        grants.record(grant);
        ObjectNode data = json.createObjectNode().put("id", id.toString()).put("macaroon", grant.macaroon())
                .put("resource", resource).put("action", action).put("notBefore", notBefore.toString())
                .put("expiresAt", expiresAt.toString());
        deliveries.enqueue(peerId, FederationType.GRANT_COMPLETED, id.toString(), data);
        return grants.find(id).orElseThrow();
    }
}
