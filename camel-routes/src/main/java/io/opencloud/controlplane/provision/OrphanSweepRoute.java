package io.opencloud.controlplane.provision;

import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs the {@link OrphanSweep} every {@code opencloud.provision.orphans.interval} (5 minutes). */
@Component
class OrphanSweepRoute extends RouteBuilder {

    private final OrphanSweep sweep;
    private final Duration interval;

    OrphanSweepRoute(OrphanSweep sweep, @Value("${opencloud.provision.orphans.interval:PT5M}") Duration interval) {
        this.sweep = sweep;
        this.interval = interval;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "The orphan sweep failed; the next one tries again: ${exception}");
        from("timer:provision-orphans?period=" + interval.toMillis() + "&delay=" + interval.toMillis())
                .routeId("provisions.orphan-sweep")
                .process(exchange -> sweep.sweep());
    }
}
