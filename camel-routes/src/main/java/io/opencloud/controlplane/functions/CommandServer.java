package io.opencloud.controlplane.functions;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.kafka.ConsumedEvents;
import io.opencloud.controlplane.kafka.DeadLetters;
import io.opencloud.controlplane.kafka.EventPublisher;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.functions.hosting.CommandAnswers;
import java.net.URI;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Serves one consumed command record: invokes the function of the command's operation, in this JVM or on the function
 * host of its domain ({@link FunctionHosting#urlOf}), and produces the {@code completed} or {@code failed} reply on
 * {@code opencloud.<domain>.events}, keyed by saga id. A record that is not a command goes to the dead-letter twin
 * of its topic.
 */
@Component
@EnableConfigurationProperties(FunctionHosting.class)
public class CommandServer {

    private static final String COMMAND = "opencloud.command";
    private static final String OPERATION = "opencloud.operation";

    private final ConsumedEvents events;
    private final CommandAnswers answers;
    private final RemoteFunctions remote;
    private final FunctionHosting hosting;
    private final DeadLetters deadLetters;
    private final EventPublisher publisher;

    public CommandServer(ConsumedEvents events, CommandAnswers answers, RemoteFunctions remote, FunctionHosting hosting,
                         DeadLetters deadLetters, EventPublisher publisher) {
        this.events = events;
        this.answers = answers;
        this.remote = remote;
        this.hosting = hosting;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
    }

    /**
     * Serves the record. A failure the function states ({@link io.opencloud.functions.OperationFailedException}) is
     * answered {@code failed}; any other is thrown, for the caller to retry.
     */
    public void serve(Exchange exchange) {
        events.read(exchange).ifPresent(command -> serve(exchange, command));
    }

    /** Answers the command {@code failed} and retryable after its retries ran out, or parks a record it never read. */
    public void answerUnexpectedFailure(Exchange exchange, Exception cause) {
        CloudEvent command = exchange.getProperty(COMMAND, CloudEvent.class);
        Operation operation = exchange.getProperty(OPERATION, Operation.class);
        if (command == null || operation == null) {
            deadLetters.park(exchange, "could not be processed: " + cause);
            return;
        }
        send(answers.failed(command, operation, operation.functionName() + " failed after retries: " + cause, true),
                operation);
    }

    private void serve(Exchange exchange, CloudEvent command) {
        Optional<Operation> operation = Operation.forRequestedType(command.getType());
        if (operation.isEmpty()) {
            deadLetters.park(exchange, "attribute 'type': \"" + command.getType() + "\" is not a command type");
            return;
        }
        exchange.setProperty(COMMAND, command);
        exchange.setProperty(OPERATION, operation.get());
        Optional<URI> host = hosting.urlOf(operation.get().domain());
        Optional<CloudEvent> reply = host.isPresent() ? remote.answer(host.get(), operation.get(), command)
                : answers.answer(operation.get(), command);
        reply.ifPresent(event -> send(event, operation.get()));
    }

    private void send(CloudEvent reply, Operation operation) {
        Object sagaId = reply.getExtension(Envelope.SAGA_ID);
        publisher.publish(operation.eventsTopic(), sagaId != null ? sagaId.toString() : reply.getSubject(), reply);
    }
}
