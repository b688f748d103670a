package io.opencloud.controlplane.federation;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The federation's clocks: one sends the events waiting for peers, one probes the peers' health, one forgets the
 * received peer events that are long past the replay window (an event that old is refused for its age anyway).
 */
@Component
public class FederationRoutes extends RouteBuilder {

    private final PeerDelivery delivery;
    private final PeerHealth health;
    private final ReceivedPeerEvents received;
    private final FederationProperties properties;

    public FederationRoutes(PeerDelivery delivery, PeerHealth health, ReceivedPeerEvents received,
                            FederationProperties properties) {
        this.delivery = delivery;
        this.health = health;
        this.received = received;
        this.properties = properties;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Federation task {} failed; its next run tries again",
                        exchange.getFromRouteId(), exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        from("timer:federation-delivery?period=" + properties.deliveryInterval().toMillis())
                .routeId("federation.delivery")
                .process(exchange -> delivery.deliverDue());
        from("timer:federation-health?period=" + properties.probeInterval().toMillis())
                .routeId("federation.health")
                .process(exchange -> health.probeAll());
        from("timer:federation-forget?period=3600000&delay=60000")
                .routeId("federation.forget")
                .process(exchange -> received.forgetOlderThan(properties.replayWindow().multipliedBy(12)));
    }
}
