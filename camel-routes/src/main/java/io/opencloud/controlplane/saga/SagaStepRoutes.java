package io.opencloud.controlplane.saga;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** One Camel route per saga step and per compensation, each sending its command through the outbox. */
@Component
public class SagaStepRoutes extends RouteBuilder {

    private final SagaRegistry registry;
    private final Outbox outbox;

    public SagaStepRoutes(SagaRegistry registry, Outbox outbox) {
        this.registry = registry;
        this.outbox = outbox;
    }

    @Override
    public void configure() {
        for (SagaDefinition saga : registry.all()) {
            for (int i = 0; i < saga.steps().size(); i++) {
                from("direct:" + saga.routeId(i)).routeId(saga.routeId(i))
                        .process(exchange -> outbox.emit(exchange.getMessage().getBody(OutboxEvent.class)));
                if (saga.step(i).compensation().isPresent()) {
                    from("direct:" + saga.compensationRouteId(i)).routeId(saga.compensationRouteId(i))
                            .process(exchange -> outbox.emit(exchange.getMessage().getBody(OutboxEvent.class)));
                }
            }
        }
    }
}
