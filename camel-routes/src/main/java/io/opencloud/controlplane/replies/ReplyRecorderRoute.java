package io.opencloud.controlplane.replies;

import io.opencloud.controlplane.kafka.DeadLetters;
import io.opencloud.controlplane.kafka.KafkaCloudEvents;
import io.opencloud.controlplane.kafka.KafkaEndpoints;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.Topics;
import io.opencloud.events.envelope.Decoded;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Consumes every {@code opencloud.<domain>.events} topic and records each reply against the command it answers,
 * so {@code GET /events/{id}/reply} can show the sender the outcome of its command.
 */
@Component
public class ReplyRecorderRoute extends RouteBuilder {

    private final KafkaEndpoints kafka;
    private final CommandReplies replies;
    private final DeadLetters deadLetters;

    public ReplyRecorderRoute(KafkaEndpoints kafka, CommandReplies replies, DeadLetters deadLetters) {
        this.kafka = kafka;
        this.replies = replies;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .maximumRedeliveries(5).redeliveryDelay(200).useExponentialBackOff()
                .handled(true)
                .process(exchange -> deadLetters.park(exchange, "could not be recorded: "
                        + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        String topics = Operation.domains().stream().map(Topics::events).collect(Collectors.joining(","));
        from(kafka.consumer(topics, "opencloud-replies"))
                .routeId("replies.record")
                .process(this::record);
    }

    private void record(Exchange exchange) {
        Decoded decoded = KafkaCloudEvents.read(exchange.getMessage().getHeaders(),
                exchange.getMessage().getBody(byte[].class));
        if (decoded instanceof Decoded.Rejected rejected) {
            deadLetters.park(exchange, rejected.reason());
        } else if (((Decoded.Accepted) decoded).event().getExtension(Envelope.CAUSATION_ID) == null) {
            deadLetters.park(exchange, "attribute 'causationid': a reply names the command it answers");
        } else {
            replies.record(((Decoded.Accepted) decoded).event());
        }
    }
}
