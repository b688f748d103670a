package io.opencloud.controlplane.federation;

import io.opencloud.controlplane.access.Public;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /federation/identity}: the card peers read before they trust this control plane's signatures, and
 * probe for its health, signed by this control plane. It holds public keys only.
 */
@RestController
@Public("a control plane's signed card is what peers read to know it")
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
