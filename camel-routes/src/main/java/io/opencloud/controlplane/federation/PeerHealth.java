package io.opencloud.controlplane.federation;

import org.springframework.stereotype.Component;

/**
 * Probes every peer's {@code GET /federation/identity}. A peer that answers with its own key is reachable; one that
 * does not answer, or answers with another key (someone else now serves its endpoint), has failed the probe, and
 * after {@code opencloud.federation.unreachable-after} failures in a row it is shown unreachable, until it answers
 * again, and is then brought up to date ({@link PeerResync}).
 */
@Component
public class PeerHealth {

    private final Peers peers;
    private final PeerResync liveness;
    private final PeerClient client;
    private final FederationProperties properties;

    public PeerHealth(Peers peers, PeerResync liveness, PeerClient client, FederationProperties properties) {
        this.peers = peers;
        this.liveness = liveness;
        this.client = client;
        this.properties = properties;
    }

    public void probeAll() {
        for (Peer peer : peers.all()) {
            probe(peer);
        }
    }

    private void probe(Peer peer) {
        try {
            PeerCard answered = client.identity(peer.endpoint());
            if (answered.peerId().equals(peer.peerId()) && answered.fault().isEmpty()) {
                liveness.answered(peer.peerId());
            } else {
                peers.failed(peer.peerId(), peer.endpoint() + " now answers as another control plane ("
                        + answered.peerId() + ")", properties.unreachableAfter());
            }
        } catch (PeerUnavailableException e) {
            peers.failed(peer.peerId(), e.getMessage(), properties.unreachableAfter());
        } catch (RuntimeException e) {
            peers.failed(peer.peerId(), "cannot be probed: " + e, properties.unreachableAfter());
        }
    }
}
