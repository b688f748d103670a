package io.opencloud.controlplane.ingress;

import io.opencloud.events.envelope.Violation;
import java.util.List;

/** What became of an event offered at the ingress. */
public sealed interface IngressOutcome {

    /** Stored on its commands topic; {@code sagaId} is the saga it started or advanced. */
    record Accepted(String eventId, String sagaId, String type, String topic) implements IngressOutcome {
    }

    record Rejected(List<Violation> violations) implements IngressOutcome {
    }
}
