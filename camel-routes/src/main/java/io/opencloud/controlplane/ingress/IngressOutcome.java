package io.opencloud.controlplane.ingress;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.saga.SagaDefinition;
import io.opencloud.events.envelope.Violation;
import java.util.List;

/** What became of an event offered at the ingress. */
public sealed interface IngressOutcome {

    /**
     * Accepted; {@code sagaId} is the saga it started or advanced, {@code route} where the event goes, {@code event}
     * the event as it will be stored (a cron tick is stored as the event its schedule targets), {@code caller} who
     * it is stored for.
     */
    record Accepted(String eventId, String sagaId, String type, Route route, CloudEvent event, Caller caller)
            implements IngressOutcome {
    }

    record Rejected(List<Violation> violations) implements IngressOutcome {
    }

    /** Well-formed, but not this caller's to send. */
    record Refused(EventAccess.Refusal refusal) implements IngressOutcome {
    }

    /** Where an accepted event goes: a command to its commands topic, a trigger to the saga it starts. */
    sealed interface Route {
    }

    record ToCommandsTopic(String topic) implements Route {
    }

    record StartSaga(SagaDefinition saga) implements Route {
    }
}
