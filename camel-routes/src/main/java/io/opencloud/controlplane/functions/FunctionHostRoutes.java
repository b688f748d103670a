package io.opencloud.controlplane.functions;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.kafka.ConsumedEvents;
import io.opencloud.controlplane.kafka.DeadLetters;
import io.opencloud.controlplane.kafka.EventPublisher;
import io.opencloud.controlplane.kafka.KafkaEndpoints;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.Phase;
import io.opencloud.events.Topics;
import io.opencloud.functions.NoReplyException;
import io.opencloud.functions.OperationFailedException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hosts the functions in the control plane's JVM (the embedded mode): one route per domain consumes
 * {@code opencloud.<domain>.commands}, invokes the function of each command's operation and produces the
 * {@code completed} or {@code failed} reply on {@code opencloud.<domain>.events}, keyed by saga id.
 *
 * <p>A record that is not a command of the domain goes to the commands topic's dead-letter twin. A function that
 * fails unexpectedly (the database is down, say) is retried with back-off; when retries run out, the command is
 * answered {@code failed} with {@code retryable: true}, so that whoever waits for it learns the truth.
 */
@Component
public class FunctionHostRoutes extends RouteBuilder {

    private static final String COMMAND = "opencloud.command";
    private static final String OPERATION = "opencloud.operation";

    private final KafkaEndpoints kafka;
    private final ConsumedEvents events;
    private final FunctionInvoker invoker;
    private final DeadLetters deadLetters;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public FunctionHostRoutes(KafkaEndpoints kafka, ConsumedEvents events, FunctionInvoker invoker,
                              DeadLetters deadLetters, EventPublisher publisher, JsonMapper json) {
        this.kafka = kafka;
        this.events = events;
        this.invoker = invoker;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .maximumRedeliveries(3).redeliveryDelay(200).useExponentialBackOff()
                .handled(true)
                .process(this::answerUnexpectedFailure);

        for (String domain : Operation.domains()) {
            from(kafka.consumer(Topics.commands(domain), "opencloud-functions-" + domain))
                    .routeId("functions." + domain)
                    .process(this::serve);
        }
    }

    private void serve(Exchange exchange) {
        events.read(exchange).ifPresent(command -> serve(exchange, command));
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

    private void answerUnexpectedFailure(Exchange exchange) {
        CloudEvent command = exchange.getProperty(COMMAND, CloudEvent.class);
        Operation operation = exchange.getProperty(OPERATION, Operation.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (command == null || operation == null) {
            deadLetters.park(exchange, "could not be processed: " + cause);
            return;
        }
        send(failedReply(command, operation, operation.functionName() + " failed after retries: " + cause, true),
                operation);
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
