package io.opencloud.controlplane.saga;

import io.opencloud.controlplane.access.Caller;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.events.Envelope;
import io.opencloud.events.TriggerType;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts the saga a trigger type is mapped to, for an API call, inside the caller's transaction: the saga exists if
 * and only if what the call wrote does.
 */
@Component
public class SagaStarter {

    private final SagaRegistry sagas;
    private final SagaCoordinator coordinator;
    private final JsonMapper json;

    public SagaStarter(SagaRegistry sagas, SagaCoordinator coordinator, JsonMapper json) {
        this.sagas = sagas;
        this.coordinator = coordinator;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(TriggerType type, URI source, String subject, ObjectNode data, String sagaId, Caller owner) {
        SagaDefinition saga = sagas.forTrigger(type.type()).orElseThrow(() -> new IllegalStateException(
                "no saga is mapped to " + type.type()));
        CloudEvent trigger = CloudEventBuilder.v1().withId(sagaId).withSource(source).withType(type.type())
                .withSubject(subject).withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType(Envelope.JSON).withData(json.writeValueAsBytes(data)).build();
        coordinator.start(saga, trigger, sagaId, owner);
    }
}
