package io.opencloud.controlplane.ingress;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Forgets, every hour, the control plane's own ingress events older than a week ({@code ingress.own-events.prune}):
 * they were consumed within moments of leaving, and one redelivered after a week is refused to the Kafka door's
 * principal, not lost (it is parked with the reason).
 */
@Component
public class OwnEventsPruneRoute extends RouteBuilder {

    private static final Duration KEPT = Duration.ofDays(7);

    private final OwnIngressEvents own;

    public OwnEventsPruneRoute(OwnIngressEvents own) {
        this.own = own;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Pruning the control plane's own ingress events failed; the next run"
                        + " tries again", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        from("timer:own-events-prune?period=" + Duration.ofHours(1).toMillis() + "&delay=60000")
                .routeId("ingress.own-events.prune")
                .process(exchange -> own.prune(Instant.now().minus(KEPT)));
    }
}
