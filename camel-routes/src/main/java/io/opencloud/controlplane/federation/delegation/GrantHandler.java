package io.opencloud.controlplane.federation.delegation;

import io.opencloud.controlplane.federation.PeerEventHandler;
import io.opencloud.controlplane.federation.PeerEventRefusedException;
import io.opencloud.controlplane.federation.VerifiedPeerEvent;
import io.opencloud.controlplane.federation.network.Networks;
import io.opencloud.events.FederationType;
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

    public GrantHandler(Networks networks, HeldGrants held) {
        this.networks = networks;
        this.held = held;
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
        held.keep(provider, UUID.fromString(data.get("id").asString()), data.get("resource").asString(),
                data.get("action").asString(), Instant.parse(data.get("notBefore").asString()),
                Instant.parse(data.get("expiresAt").asString()), data.get("macaroon").asString());
        return "kept grant " + data.get("id").asString() + " of " + event.signer().name();
    }
}
