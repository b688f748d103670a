package io.opencloud.controlplane.federation.delegation;

import com.github.nitram509.jmacaroons.Macaroon;
import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.PeerEventHandler;
import io.opencloud.controlplane.federation.PeerEventRefusedException;
import io.opencloud.controlplane.federation.VerifiedPeerEvent;
import io.opencloud.controlplane.federation.network.Networks;
import io.opencloud.events.FederationType;
import io.opencloud.functions.macaroon.MacaroonCodec;
import io.opencloud.functions.macaroon.MacaroonIdentifier;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps a macaroon a provider granted this control plane. Only a provider that shares a network with it can grant.
 *
 * <p>Consumes {@code io.opencloud.federation.grant.completed.v1}; produces nothing. Idempotent.
 */
@Component
public class GrantHandler implements PeerEventHandler {

    private final Networks networks;
    private final HeldGrants held;
    private final Identities identities;

    public GrantHandler(Networks networks, HeldGrants held, Identities identities) {
        this.networks = networks;
        this.held = held;
        this.identities = identities;
    }

    @Override
    public FederationType type() {
        return FederationType.GRANT_COMPLETED;
    }

    @Override
    public String handle(VerifiedPeerEvent event) {
        String provider = event.signer().peerId();
        if (networks.all().stream().noneMatch(network -> networks.isMember(network.networkId(), provider))) {
            throw PeerEventRefusedException.tooEarly(event.signer().name() + " shares no network with this control"
                    + " plane (or the news of it has not arrived yet); it cannot grant it anything");
        }
        JsonNode data = event.data();
        requireForThisHolder(data.get("macaroon").asString(), data.get("id").asString());
        held.keep(provider, UUID.fromString(data.get("id").asString()), data.get("resource").asString(),
                data.get("action").asString(), Instant.parse(data.get("notBefore").asString()),
                Instant.parse(data.get("expiresAt").asString()), data.get("macaroon").asString());
        return "kept grant " + data.get("id").asString() + " of " + event.signer().name();
    }

    /** A grant worth keeping names itself in its macaroon and carries a caveat this control plane can discharge. */
    private void requireForThisHolder(String serialized, String id) {
        Macaroon macaroon = MacaroonCodec.decode(serialized);
        if (!MacaroonIdentifier.parse(macaroon.identifier).nonce().equals(id)) {
            throw new IllegalArgumentException("the macaroon is not grant " + id);
        }
        String self = identities.self().peerId();
        if (MacaroonCaveats.thirdParty(macaroon).stream()
                .noneMatch(caveat -> self.equals(CaveatIds.holderOf(caveat)))) {
            throw new IllegalArgumentException("the macaroon has no caveat for this control plane to discharge");
        }
    }
}
