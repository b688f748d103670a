package io.opencloud.controlplane.federation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the events waiting for peers. A peer that took an event, or had taken it before (409), is done with it; one
 * that refuses it (a 4xx other than 408, 425 and 429) will refuse it again, so it is set aside with the peer's reason,
 * as is one that cannot even be sent; anything else is retried with a doubling delay, up to a minute, until {@code opencloud.federation.give-up-after}.
 */
@Component
public class PeerDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PeerDelivery.class);
    private static final int BATCH = 100;
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** Longer than a round with every event timing out would take. */
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final PeerDeliveries deliveries;
    private final Peers peers;
    private final PeerResync liveness;
    private final PeerClient client;
    private final FederationProperties properties;

    public PeerDelivery(PeerDeliveries deliveries, Peers peers, PeerResync liveness, PeerClient client,
                        FederationProperties properties) {
        this.deliveries = deliveries;
        this.peers = peers;
        this.liveness = liveness;
        this.client = client;
        this.properties = properties;
    }

    /*
     * A peer that did not answer is not called again in the same round: its other events wait for their next
     * attempt, so that one dead peer costs one timeout a round, not one per event.
     */
    public void deliverDue() {
        Set<String> silent = new HashSet<>();
        for (PeerDeliveries.Delivery delivery : deliveries.claimDue(BATCH, LEASE)) {
            if (silent.contains(delivery.peerId())) {
                deliveries.postpone(delivery.id(), Duration.ofSeconds(1));
            } else if (!deliver(delivery)) {
                silent.add(delivery.peerId());
            }
        }
    }

    /** Sends one event; false when the peer did not answer. */
    private boolean deliver(PeerDeliveries.Delivery delivery) {
        PeerCard peer = peers.card(delivery.peerId()).orElseThrow();
        PeerAnswer answer;
        try {
            answer = client.send(peer, delivery.eventId(), delivery.type(), delivery.subject(),
                    delivery.data().getBytes(StandardCharsets.UTF_8));
        } catch (PeerUnavailableException e) {
            peers.failed(peer.peerId(), e.getMessage(), properties.unreachableAfter());
            retryOrGiveUp(delivery, null, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Cannot send {} {} to peer {}; set aside", delivery.type().type(), delivery.eventId(),
                    peer.peerId(), e);
            deliveries.abandon(delivery.id(), null, "cannot be sent: " + e);
            return true;
        }
        if (answer.taken() || answer.alreadyTaken()) {
            deliveries.delivered(delivery.id(), answer.status());
            liveness.answered(peer.peerId());
        } else if (answer.refused()) {
            LOG.warn("Peer {} ({}) refused {} {}: {}", peer.name(), peer.peerId(), delivery.type().type(),
                    delivery.eventId(), answer.body());
            deliveries.abandon(delivery.id(), answer.status(), answer.body());
            liveness.answered(peer.peerId());
        } else if (answer.status() == 425) {
            liveness.answered(peer.peerId());
            retryOrGiveUp(delivery, answer.status(), answer.body());
        } else {
            peers.failed(peer.peerId(), "answered " + answer.status() + ": " + answer.body(),
                    properties.unreachableAfter());
            retryOrGiveUp(delivery, answer.status(), answer.body());
            return false;
        }
        return true;
    }

    private void retryOrGiveUp(PeerDeliveries.Delivery delivery, Integer status, String error) {
        if (delivery.createdAt().plus(properties.giveUpAfter()).isBefore(OffsetDateTime.now())) {
            LOG.warn("Gave up sending {} {} to peer {} after {}: {}", delivery.type().type(), delivery.eventId(),
                    delivery.peerId(), properties.giveUpAfter(), error);
            deliveries.abandon(delivery.id(), status, error);
            return;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(delivery.attempts(), 6));
        deliveries.retryIn(delivery.id(), delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay, status, error);
    }
}
