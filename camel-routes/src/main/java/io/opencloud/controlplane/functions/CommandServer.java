package io.opencloud.controlplane.functions;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.kafka.ConsumedEvents;
import io.opencloud.controlplane.kafka.DeadLetters;
import io.opencloud.controlplane.kafka.EventPublisher;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.Phase;
import io.opencloud.functions.NoReplyException;
import io.opencloud.functions.OperationFailedException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves one consumed command record: invokes the function of the command's operation and produces the
 * {@code completed} or {@code failed} reply on {@code opencloud.<domain>.events}, keyed by saga id. A record that is
 * not a command goes to the dead-letter twin of its topic.
 */
@Component
public class CommandServer {

    private static final Logger log = LoggerFactory.getLogger(CommandServer.class);
    private static final String COMMAND = "opencloud.command";
    private static final String OPERATION = "opencloud.operation";

    private final ConsumedEvents events;
    private final FunctionInvoker invoker;
    private final DeadLetters deadLetters;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public CommandServer(ConsumedEvents events, FunctionInvoker invoker, DeadLetters deadLetters,
                         EventPublisher publisher, JsonMapper json) {
        this.events = events;
        this.invoker = invoker;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.json = json;
    }

    /**
     * Serves the record; a failure the function does not state itself (an {@link OperationFailedException}) is
     * thrown, for the caller to retry.
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
        send(failedReply(command, operation, operation.functionName() + " failed after retries: " + cause, true),
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
        CloudEvent reply;
        try {
            byte[] result = invoker.invoke(operation.get(), command);
            reply = Replies.to(command, operation.get(), Phase.COMPLETED, result, clock);
        } catch (OperationFailedException failure) {
            reply = failedReply(command, operation.get(), failure.getMessage(), failure.retryable());
        } catch (NoReplyException silence) {
            log.info("Leaving {} {} unanswered: {}", command.getType(), command.getId(), silence.getMessage());
            return;
        }
        send(reply, operation.get());
    }

    private CloudEvent failedReply(CloudEvent command, Operation operation, String reason, boolean retryable) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", reason == null || reason.isBlank() ? "no reason given" : reason);
        data.put("retryable", retryable);
        return Replies.to(command, operation, Phase.FAILED, json.writeValueAsBytes(data), clock);
    }

    private void send(CloudEvent reply, Operation operation) {
        Object sagaId = reply.getExtension(Envelope.SAGA_ID);
        publisher.publish(operation.eventsTopic(), sagaId != null ? sagaId.toString() : reply.getSubject(), reply);
    }
}
