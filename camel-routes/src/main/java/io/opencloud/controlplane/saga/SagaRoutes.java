package io.opencloud.controlplane.saga;

import io.opencloud.controlplane.kafka.ConsumedEvents;
import io.opencloud.controlplane.kafka.DeadLetters;
import io.opencloud.controlplane.kafka.KafkaEndpoints;
import io.opencloud.events.Operation;
import io.opencloud.events.Topics;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The saga coordinator's two inputs: the replies of every domain ({@code sagas.replies}) and a clock that fires
 * timeouts, due retries and deadlines ({@code sagas.timer}).
 */
@Component
public class SagaRoutes extends RouteBuilder {

    private final KafkaEndpoints kafka;
    private final ConsumedEvents events;
    private final DeadLetters deadLetters;
    private final SagaCoordinator coordinator;
    private final long tickMillis;

    public SagaRoutes(KafkaEndpoints kafka, ConsumedEvents events, DeadLetters deadLetters,
                      SagaCoordinator coordinator, @Value("${opencloud.sagas.tick-millis:100}") long tickMillis) {
        this.kafka = kafka;
        this.events = events;
        this.deadLetters = deadLetters;
        this.coordinator = coordinator;
        this.tickMillis = tickMillis;
    }

    @Override
    public void configure() {
        // Before the timer's first tick: commands that were in flight when the last run stopped get their full time.
        coordinator.resumeInFlight();

        onException(Exception.class)
                .maximumRedeliveries(5).redeliveryDelay(100).useExponentialBackOff()
                .handled(true)
                .process(exchange -> {
                    if (exchange.getFromRouteId().equals("sagas.replies")) {
                        deadLetters.park(exchange, "the saga coordinator could not apply it: "
                                + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                    } else {
                        log.warn("Saga timer tick failed; the next tick retries",
                                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                    }
                });

        String topics = Operation.domains().stream().map(Topics::events).collect(Collectors.joining(","));
        from(kafka.consumer(topics, "opencloud-saga-coordinator"))
                .routeId("sagas.replies")
                .process(exchange -> events.read(exchange).ifPresent(coordinator::onReply));

        from("timer:sagas?period=" + tickMillis + "&fixedRate=false")
                .routeId("sagas.timer")
                .process(exchange -> coordinator.processDue());
    }
}
