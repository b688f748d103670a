package io.opencloud.controlplane.federation;

import io.opencloud.events.FederationType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a peer's new card, after it was renamed or moved: only the peer itself may send it, it must be signed by its
 * own key, and it replaces the card held only when it is newer.
 *
 * <p>Consumes {@code io.opencloud.federation.card.completed.v1}; produces nothing. Idempotent.
 */
@Component
public class CardHandler implements PeerEventHandler {

    private final Peers peers;
    private final PeerCards cards;
    private final JsonMapper json;

    public CardHandler(Peers peers, PeerCards cards, JsonMapper json) {
        this.peers = peers;
        this.cards = cards;
        this.json = json;
    }

    @Override
    public FederationType type() {
        return FederationType.CARD_COMPLETED;
    }

    @Override
    public String handle(VerifiedPeerEvent event) {
        PeerCard card = json.convertValue(event.data().get("member"), PeerCard.class);
        if (!card.peerId().equals(event.signer().peerId())) {
            throw PeerEventRefusedException.refused(event.signer().name() + " cannot send another peer's card");
        }
        cards.refusal(card).ifPresent(reason -> {
            throw PeerEventRefusedException.refused(reason);
        });
        peers.remember(card);
        return "took the card of " + card.name() + " issued at " + card.issuedAt();
    }
}
