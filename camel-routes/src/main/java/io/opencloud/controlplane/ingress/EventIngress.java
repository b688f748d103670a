package io.opencloud.controlplane.ingress;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.kafka.EventPublisher;
import io.opencloud.controlplane.saga.SagaCoordinator;
import io.opencloud.controlplane.saga.SagaDefinition;
import io.opencloud.controlplane.saga.SagaRegistry;
import io.opencloud.controlplane.schedule.Schedule;
import io.opencloud.controlplane.schedule.Schedules;
import io.opencloud.events.DerivedIds;
import io.opencloud.events.Envelope;
import io.opencloud.events.FederationType;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Operation;
import io.opencloud.events.PingType;
import io.opencloud.events.WebhookTypes;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.Violation;
import io.opencloud.events.schema.EventContentValidator;
import io.opencloud.events.schema.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The one door every external event goes through, whether it came over HTTP or on {@code opencloud.ingress}: the
 * event is checked against its type's contract; a saga trigger ({@code io.opencloud.<domain>.<name>.requested.v1}
 * mapped to a saga) starts its saga (in the database, whence the outbox sends the first command), and a single
 * command ({@code io.opencloud.<domain>.<operation>.requested.v1}) is stored on its commands topic keyed by the saga
 * it belongs to. A cron tick ({@code dev.knative.sources.ping}) is delivered as the event its schedule targets.
 * Webhook types ({@code io.opencloud.webhook.<source>.received.v1}) are refused: they come only signed, through
 * {@code POST /hooks/{source}}. Nothing is acknowledged before it is stored.
 */
@Component
public class EventIngress {

    /** The channels events arrive by, as the metric {@code opencloud_ingress_events_total} names them. */
    public static final String HTTP = "http";
    public static final String KAFKA = "kafka";
    public static final String HOOK = "hook";
    public static final String PEER = "peer";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    private final EventContentValidator validator = new EventContentValidator(new EventSchemas());
    private final EventPublisher publisher;
    private final SagaRegistry sagas;
    private final SagaCoordinator coordinator;
    private final Schedules schedules;
    private final EventAccess access;
    private final DestinationChoice destinations;
    private final MeterRegistry meters;

    public EventIngress(EventPublisher publisher, SagaRegistry sagas, SagaCoordinator coordinator,
                        Schedules schedules, EventAccess access, DestinationChoice destinations,
                        MeterRegistry meters) {
        this.access = access;
        this.destinations = destinations;
        this.publisher = publisher;
        this.sagas = sagas;
        this.coordinator = coordinator;
        this.schedules = schedules;
        this.meters = meters;
    }

    /** Checks the event, and the caller's right to send it, without storing it. */
    public IngressOutcome check(CloudEvent event, Caller caller) {
        if (WebhookTypes.isWebhookType(event.getType())) {
            return new IngressOutcome.Rejected(List.of(Violation.ofAttribute("type", "webhook events are accepted"
                    + " only when signed, at POST /hooks/" + WebhookTypes.sourceOf(event.getType()).orElseThrow())));
        }
        if (FederationType.isFederationType(event.getType())) {
            return new IngressOutcome.Rejected(List.of(Violation.ofAttribute("type", "a peer control plane's event"
                    + " is accepted only on its own, signed, at POST /events; not in a batch nor on Kafka")));
        }
        if (validator.check(event) instanceof Decoded.Rejected rejected) {
            return new IngressOutcome.Rejected(rejected.violations());
        }
        Optional<EventAccess.Refusal> refusal = access.refusal(event, caller);
        if (refusal.isPresent()) {
            return new IngressOutcome.Refused(refusal.get());
        }
        Optional<Violation> destination = destinations.check(event, caller);
        if (destination.isPresent()) {
            return new IngressOutcome.Rejected(List.of(destination.get()));
        }
        if (PingType.TYPE.equals(event.getType())) {
            return checkPing(event, caller);
        }
        Optional<SagaDefinition> saga = sagas.forTrigger(event.getType());
        if (saga.isPresent()) {
            return new IngressOutcome.Accepted(event.getId(), derivedSagaId(event, caller), event.getType(),
                    new IngressOutcome.StartSaga(saga.get()), event, caller);
        }
        Optional<Operation> command = Operation.forRequestedType(event.getType());
        if (command.isEmpty()) {
            return new IngressOutcome.Rejected(List.of(Violation.ofAttribute("type", "\"" + event.getType()
                    + "\" is not a command or saga trigger the control plane accepts; accepted are "
                    + EventTypes.ingressTypes())));
        }
        return new IngressOutcome.Accepted(event.getId(), sagaIdOf(event, caller), event.getType(),
                new IngressOutcome.ToCommandsTopic(command.get().commandsTopic()), event, caller);
    }

    /*
     * A cron tick, from the embedded scheduler or a Knative PingSource, is delivered as the event its schedule
     * targets, keeping the tick's id and source (the same tick always starts the same saga) but always with the
     * schedule's own data: whoever else sends a ping can at most run the job early, never run it on other data.
     */
    private IngressOutcome checkPing(CloudEvent ping, Caller caller) {
        String name = PingType.scheduleOf(ping.getSource().toString());
        Optional<Schedule> schedule = schedules.named(name);
        if (schedule.isEmpty()) {
            return new IngressOutcome.Rejected(List.of(Violation.ofAttribute("source", "\"" + ping.getSource()
                    + "\" names no configured schedule; configured are " + schedules.all().stream()
                    .map(Schedule::pingSource).toList())));
        }
        // The schedule's job runs as the scheduler in the schedule's tenant, whoever delivered the ping.
        return check(CloudEventBuilder.v1(ping).withType(schedule.get().target()).withDataContentType(Envelope.JSON)
                .withData(schedule.get().data().getBytes(StandardCharsets.UTF_8)).build(), schedule.get().caller());
    }

    /**
     * Checks the event and, when it passes, stores it on its commands topic.
     *
     * @param channel where the event came from ({@code http} or {@code kafka}), for the metrics
     * @throws IngressUnavailableException when the broker did not take the event
     */
    public IngressOutcome submit(CloudEvent event, Caller caller, String channel) {
        return submit(event, caller, written -> false, channel);
    }

    /**
     * As {@link #submit(CloudEvent, Caller, String)}, for a door the control plane also writes to: an event refused
     * to {@code caller} is taken as the control plane's when {@code own} says the control plane wrote it. Only a
     * refused event is looked up, so the door's ordinary traffic pays nothing for it.
     */
    public IngressOutcome submit(CloudEvent event, Caller caller, Predicate<CloudEvent> own, String channel) {
        IngressOutcome outcome = check(event, caller);
        if (outcome instanceof IngressOutcome.Refused && own.test(event)) {
            outcome = check(event, Caller.CONTROL_PLANE);
        }
        if (outcome instanceof IngressOutcome.Accepted accepted) {
            publish(accepted);
        }
        count(channel, outcome instanceof IngressOutcome.Accepted ? ACCEPTED : REJECTED, 1);
        return outcome;
    }

    /**
     * Counts events in {@code opencloud_ingress_events_total} that did not come through {@link #submit}: a batch,
     * checked and stored as a whole, or a record refused before it was a CloudEvent.
     */
    public void count(String channel, String outcome, int events) {
        meters.counter("opencloud.ingress.events", "channel", channel, "outcome", outcome).increment(events);
    }

    /** Stores an event that {@link #check} accepted. */
    public void publish(IngressOutcome.Accepted accepted) {
        CloudEvent event = accepted.event();
        switch (accepted.route()) {
            case IngressOutcome.ToCommandsTopic(String topic) -> {
                CloudEvent command = CloudEventBuilder.v1(event).withId(commandId(accepted.caller(), event.getId()))
                        .withExtension(Envelope.SAGA_ID, accepted.sagaId()).build();
                try {
                    publisher.publish(topic, accepted.sagaId(), command);
                } catch (EventPublisher.PublishFailedException e) {
                    throw new IngressUnavailableException(topic, e.getCause());
                }
            }
            case IngressOutcome.StartSaga(SagaDefinition saga) -> {
                try {
                    coordinator.start(saga, event, accepted.sagaId(), accepted.caller());
                } catch (DataAccessException | TransactionException e) {
                    throw new IngressUnavailableException("the saga store", e);
                }
            }
        }
    }

    /**
     * The id a command is stored and answered under: the caller's own id, scoped to the caller, so that the same id
     * chosen by two callers names two commands and no caller reads another's reply by guessing its id. The control
     * plane's own commands keep their ids.
     */
    public static String commandId(Caller caller, String eventId) {
        return caller.role() == Role.SERVICE ? eventId : DerivedIds.of("command", caller.scope(), eventId);
    }

    /*
     * A command's saga id is the service's when it names one; otherwise, like a new saga's, it is derived from the
     * caller and the event's source and id, so a redelivered event lands in the same saga instead of starting a second
     * one, and another caller's event with the same source and id does not.
     */
    private static String sagaIdOf(CloudEvent event, Caller caller) {
        Object given = event.getExtension(Envelope.SAGA_ID);
        return given != null ? given.toString() : derivedSagaId(event, caller);
    }

    private static String derivedSagaId(CloudEvent event, Caller caller) {
        return caller.role() == Role.SERVICE ? DerivedIds.of(event.getSource().toString(), event.getId())
                : DerivedIds.of(caller.scope(), event.getSource().toString(), event.getId());
    }
}
