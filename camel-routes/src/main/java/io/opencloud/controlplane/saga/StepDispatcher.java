package io.opencloud.controlplane.saga;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands a step's command to the step's Camel route ({@code <saga>.<step>} or {@code <saga>.<step>.compensate}),
 * which writes it to the outbox. Direct routes run on the caller's thread, so the write joins the coordinator's
 * transaction.
 */
@Component
public class StepDispatcher {

    private final ProducerTemplate producer;

    public StepDispatcher(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void send(String routeId, OutboxEvent command) {
        producer.sendBody("direct:" + routeId, command);
    }
}
