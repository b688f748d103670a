package io.opencloud.controlplane.federation;

import io.cloudevents.CloudEvent;
import io.opencloud.events.FederationType;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.Violation;
import io.opencloud.events.schema.EventContentValidator;
import io.opencloud.events.schema.EventSchemas;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where peers' events arrive ({@code POST /events} with a {@code io.opencloud.federation.*} type). Before anything is
 * done, in this order: the data must match the type's schema (400); the event must be meant for this control plane
 * and carry a time within {@code opencloud.federation.replay-window} of this clock (403); its signer must be a known
 * peer (425, since the news of a new member may still be on its way), or, for a join request, the newcomer whose
 * signed card the request carries (403); the signature must be the signer's over the event (403); and the event must
 * not have been received before (409, so that a replay is refused and a sender's retry knows it is done). Only then
 * does the type's {@link PeerEventHandler} act, and it checks the signer's membership (403, or 425 when the signer
 * may not have been announced yet).
 */
@Component
public class PeerEventInbox {

    private final EventContentValidator validator = new EventContentValidator(new EventSchemas());
    private final Peers peers;
    private final PeerResync liveness;
    private final PeerCards cards;
    private final Identities identities;
    private final ReceivedPeerEvents received;
    private final Map<FederationType, PeerEventHandler> handlers;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final FederationProperties properties;

    public PeerEventInbox(Peers peers, PeerResync liveness, PeerCards cards, Identities identities,
                          ReceivedPeerEvents received, List<PeerEventHandler> handlers,
                          TransactionTemplate transactions, JsonMapper json, FederationProperties properties) {
        this.peers = peers;
        this.liveness = liveness;
        this.cards = cards;
        this.identities = identities;
        this.received = received;
        this.handlers = handlers.stream().collect(Collectors.toMap(PeerEventHandler::type, Function.identity()));
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
    }

    public PeerEventOutcome receive(CloudEvent event) {
        FederationType type = FederationType.of(event.getType()).orElseThrow();
        if (validator.check(event) instanceof Decoded.Rejected rejected) {
            return new PeerEventOutcome.Refused(400, "invalid-event", rejected.violations().stream()
                    .map(Violation::describe).collect(Collectors.joining("; ")));
        }
        JsonNode data = json.readTree(event.getData().toBytes());
        Object signer = event.getExtension(FederationType.SIGNER);
        Object signature = event.getExtension(FederationType.SIGNATURE);
        Object recipient = event.getExtension(FederationType.RECIPIENT);
        if (signer == null || signature == null || recipient == null) {
            return forbidden("unsigned", "a peer event must be signed and addressed: one of the extensions "
                    + FederationType.SIGNER + ", " + FederationType.RECIPIENT + " and " + FederationType.SIGNATURE
                    + " is missing");
        }
        String self = identities.self().peerId();
        if (!self.equals(recipient.toString())) {
            return forbidden("misdirected-event", "the event is meant for " + recipient + ", not for this control"
                    + " plane (" + self + ")");
        }
        if (event.getTime() == null) {
            return forbidden("stale-event", "a peer event must carry its time, so that a replay can be told");
        }
        Duration age = Duration.between(event.getTime().toInstant(), Instant.now());
        if (age.abs().compareTo(properties.replayWindow()) > 0) {
            return forbidden("stale-event", "the event's time " + event.getTime() + " is " + age.abs().toSeconds()
                    + " s away from this control plane's clock; at most " + properties.replayWindow().toSeconds()
                    + " s is accepted, so that a captured event cannot be replayed later");
        }
        PeerCard card;
        if (type == FederationType.JOIN_REQUESTED) {
            card = json.convertValue(data.get("member"), PeerCard.class);
            Optional<String> refusal = cards.refusal(card);
            if (refusal.isPresent()) {
                return forbidden("untrusted-card", refusal.get());
            }
            if (!card.peerId().equals(signer.toString())) {
                return forbidden("forged-event", "the newcomer's card is " + card.peerId() + "'s, but " + signer
                        + " signed the request");
            }
        } else {
            Optional<PeerCard> known = peers.card(signer.toString());
            if (known.isEmpty()) {
                return new PeerEventOutcome.Refused(425, "unknown-peer", "the signer " + signer + " is not a peer of"
                        + " this control plane (yet): only members of a network it belongs to may send it events");
            }
            card = known.get();
        }
        if (!Ed25519.verifies(card.publicKeyBytes(), SignedContent.of(event), signature.toString())) {
            return forbidden("forged-event", "the signature is not " + card.name() + " (" + card.peerId()
                    + ")'s over this event: it was forged or altered on the way");
        }
        VerifiedPeerEvent verified = new VerifiedPeerEvent(event.getId(), type, card, event.getSubject(), data);
        try {
            return transactions.execute(status -> act(verified));
        } catch (PeerEventRefusedException e) {
            return e.tooEarly() ? new PeerEventOutcome.Refused(425, "not-a-member-yet", e.getMessage())
                    : forbidden("not-a-member", e.getMessage());
        } catch (IllegalArgumentException | JacksonException | DateTimeParseException e) {
            return new PeerEventOutcome.Refused(400, "invalid-event", e.getMessage());
        }
    }

    private PeerEventOutcome act(VerifiedPeerEvent event) {
        if (!received.recordOnce(event.signer().peerId(), event.id(), event.type().type())) {
            return new PeerEventOutcome.Refused(409, "replayed-event", "event " + event.id() + " from "
                    + event.signer().name() + " was received at " + received.receivedAt(event.signer().peerId(),
                    event.id()).orElseThrow() + " and is not acted on again");
        }
        if (event.type() != FederationType.JOIN_REQUESTED) {
            liveness.answered(event.signer().peerId());
        }
        return new PeerEventOutcome.Accepted(event.id(), event.type().type(), handlers.get(event.type()).handle(event));
    }

    private static PeerEventOutcome forbidden(String problem, String reason) {
        return new PeerEventOutcome.Refused(403, problem, reason);
    }
}
