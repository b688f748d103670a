package io.opencloud.functions.hosting;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.events.DerivedIds;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.Phase;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Builds the reply event to a command, in the envelope every saga step expects. */
public final class Replies {

    private Replies() {
    }

    /**
     * The reply's id is derived from the command and the reply type, so answering a redelivered command twice
     * produces the same event twice, which consumers drop by id.
     */
    public static CloudEvent to(CloudEvent command, Operation operation, Phase phase, byte[] data, Clock clock) {
        String type = operation.type(phase);
        String id = DerivedIds.of(command.getSource().toString(), command.getId(), type);
        CloudEventBuilder reply = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(operation.replySource()))
                .withType(type)
                .withTime(OffsetDateTime.now(clock))
                .withDataContentType(Envelope.JSON)
                .withExtension(Envelope.CAUSATION_ID, command.getId())
                .withData(data);
        if (command.getSubject() != null) {
            reply.withSubject(command.getSubject());
        }
        Object sagaId = command.getExtension(Envelope.SAGA_ID);
        if (sagaId != null) {
            reply.withExtension(Envelope.SAGA_ID, sagaId.toString());
        }
        return reply.build();
    }
}
