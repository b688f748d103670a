package io.opencloud.controlplane.ingress;

import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.http.IngressProperties;
import io.opencloud.controlplane.kafka.ConsumedEvents;
import io.opencloud.controlplane.kafka.DeadLetters;
import io.opencloud.controlplane.kafka.KafkaEndpoints;
import io.opencloud.events.Topics;
import io.opencloud.events.envelope.Violation;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code opencloud.ingress}, where other systems publish CloudEvents in binary or structured Kafka mode:
 * commands, saga triggers and cron ticks ({@code dev.knative.sources.ping}), each handed to {@link EventIngress}.
 * An invalid record is parked on {@code opencloud.ingress.dlq} with the reason, so the consumer never stops on a
 * poison record and never drops one. A valid record that cannot be stored because the database or the broker is
 * down is not parked: it is retried, with growing pauses, until they are back, and its offset is not committed
 * meanwhile.
 *
 * <p>Off when {@code opencloud.ingress.consume-kafka=false}, as in the distributed profile: there a Knative
 * KafkaSource reads the topic and posts each event to {@code POST /events}, parking what it refuses on the same
 * dead-letter topic.
 */
@Component
@ConditionalOnProperty(name = "opencloud.ingress.consume-kafka", havingValue = "true", matchIfMissing = true)
public class KafkaIngressRoute extends RouteBuilder {

    private final KafkaEndpoints kafka;
    private final ConsumedEvents events;
    private final EventIngress ingress;
    private final DeadLetters deadLetters;
    private final Caller door;
    private final OwnIngressEvents own;

    public KafkaIngressRoute(KafkaEndpoints kafka, ConsumedEvents events, EventIngress ingress,
                             DeadLetters deadLetters, IngressProperties properties, OwnIngressEvents own) {
        this.own = own;
        this.door = new Caller("kafka:" + Topics.INGRESS, properties.kafka().tenant(), properties.kafka().role(),
                "kafka", null);
        this.kafka = kafka;
        this.events = events;
        this.ingress = ingress;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        onException(IngressUnavailableException.class)
                .maximumRedeliveries(-1).redeliveryDelay(200).useExponentialBackOff().maximumRedeliveryDelay(10_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN);

        onException(Exception.class)
                .maximumRedeliveries(3).redeliveryDelay(200).useExponentialBackOff()
                .handled(true)
                .process(exchange -> deadLetters.park(exchange, "could not be processed: "
                        + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        from(kafka.consumer(Topics.INGRESS, "opencloud-ingress"))
                .routeId("ingress.kafka")
                .process(this::admit);
    }

    private void admit(Exchange exchange) {
        events.read(exchange).ifPresentOrElse(event -> {
            switch (ingress.submit(event, door, own::isOwn, EventIngress.KAFKA)) {
                case IngressOutcome.Rejected rejected -> deadLetters.park(exchange, rejected.violations().stream()
                        .map(Violation::describe).collect(Collectors.joining("; ")));
                case IngressOutcome.Refused refused -> deadLetters.park(exchange, "refused to " + door.subject()
                        + ": " + refused.refusal().detail());
                case IngressOutcome.Accepted accepted -> {
                }
            }
        }, () -> ingress.count(EventIngress.KAFKA, EventIngress.REJECTED, 1));
    }
}
