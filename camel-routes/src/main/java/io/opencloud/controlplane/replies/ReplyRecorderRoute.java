package io.opencloud.controlplane.replies;

import io.opencloud.controlplane.kafka.ConsumedEvents;
import io.opencloud.controlplane.kafka.DeadLetters;
import io.opencloud.controlplane.kafka.KafkaEndpoints;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.ProgressType;
import io.opencloud.events.Topics;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Consumes every {@code opencloud.<domain>.events} topic and records each reply against the command it answers,
 * so {@code GET /events/{id}/reply} can show the sender the outcome of its command. Progress reports travel on the
 * same topics but answer nothing, so they are passed over.
 */
@Component
public class ReplyRecorderRoute extends RouteBuilder {

    private final KafkaEndpoints kafka;
    private final ConsumedEvents events;
    private final CommandReplies replies;
    private final DeadLetters deadLetters;

    public ReplyRecorderRoute(KafkaEndpoints kafka, ConsumedEvents events, CommandReplies replies,
                              DeadLetters deadLetters) {
        this.kafka = kafka;
        this.events = events;
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
        events.read(exchange).ifPresent(reply -> {
            if (ProgressType.of(reply.getType()).isPresent()) {
                return;
            }
            if (reply.getExtension(Envelope.CAUSATION_ID) == null) {
                deadLetters.park(exchange, "attribute 'causationid': a reply names the command it answers");
            } else {
                replies.record(reply);
            }
        });
    }
}
