package io.opencloud.controlplane.federation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A peer as this control plane knows it: its card, the networks shared with it, and how it has been answering.
 *
 * @param health     {@code REACHABLE}, {@code UNREACHABLE} (it failed {@code opencloud.federation.unreachable-after}
 *                   probes or deliveries in a row) or {@code UNKNOWN} (not probed yet)
 * @param lastSeenAt when it last answered a probe, took an event or sent a valid one
 * @param lastError  why the last probe or delivery failed, while it is unreachable
 */
public record Peer(String peerId, String name, String endpoint, String health, int failures, String lastError,
                   OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt, OffsetDateTime checkedAt,
                   List<String> networks) {
}
