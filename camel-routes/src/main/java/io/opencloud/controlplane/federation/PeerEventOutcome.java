package io.opencloud.controlplane.federation;

/** What became of a peer event: acted on, or refused with the HTTP status and reason its sender gets. */
public sealed interface PeerEventOutcome {

    record Accepted(String eventId, String type, String outcome) implements PeerEventOutcome {
    }

    record Refused(int status, String problem, String reason) implements PeerEventOutcome {
    }
}
