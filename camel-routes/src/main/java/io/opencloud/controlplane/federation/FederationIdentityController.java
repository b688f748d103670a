package io.opencloud.controlplane.federation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.opencloud.controlplane.http.OpenToPeers;

/**
 * {@code GET /federation/identity}: the card peers read before they trust this control plane's signatures, and
 * probe for its health, signed by this control plane. It holds public keys only.
 */
@RestController
@OpenToPeers
public class FederationIdentityController {

    private final Identities identities;

    public FederationIdentityController(Identities identities) {
        this.identities = identities;
    }

    @GetMapping("/federation/identity")
    public PeerCard card() {
        return identities.card();
    }
}
