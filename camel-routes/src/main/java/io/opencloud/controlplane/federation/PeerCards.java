package io.opencloud.controlplane.federation;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides whether a peer's card may be taken: it must be sound and signed by the peer ({@link PeerCard#fault()}), and
 * its endpoint must be an address this control plane may call ({@code opencloud.federation.private-endpoints}).
 */
@Component
public class PeerCards {

    private final Identities identities;
    private final FederationProperties properties;

    public PeerCards(Identities identities, FederationProperties properties) {
        this.identities = identities;
        this.properties = properties;
    }

    /** Why the card cannot be taken, or empty when it can. */
    public Optional<String> refusal(PeerCard card) {
        Optional<String> fault = card.fault();
        if (fault.isPresent()) {
            return fault;
        }
        boolean allowPrivate = switch (properties.privateEndpoints()) {
            case "allow" -> true;
            case "refuse" -> false;
            default -> Addresses.isPrivate(identities.self().endpoint());
        };
        if (!allowPrivate && Addresses.isPrivate(card.endpoint())) {
            return Optional.of("the endpoint of " + card.name() + " (" + card.endpoint() + ") is a loopback, private"
                    + " or link-local address, which a control plane with a public endpoint does not call"
                    + " (opencloud.federation.private-endpoints)");
        }
        return Optional.empty();
    }
}
