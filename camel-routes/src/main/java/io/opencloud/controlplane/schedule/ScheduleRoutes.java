package io.opencloud.controlplane.schedule;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The scheduler's clock ({@code schedules.timer}), which looks for due ticks at every poll interval unless
 * {@code opencloud.scheduler.enabled=false} (PingSources fire the schedules instead), and the hourly
 * pruning of the firing history ({@code schedules.prune}). A failed look is logged and the next one tries again: a
 * tick missed that way is still due.
 */
@Component
public class ScheduleRoutes extends RouteBuilder {

    private final ScheduleFirer firer;
    private final ScheduleStore store;
    private final ScheduleProperties properties;

    public ScheduleRoutes(ScheduleFirer firer, ScheduleStore store, ScheduleProperties properties) {
        this.firer = firer;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Scheduler run {} failed; the next one tries again",
                        exchange.getFromRouteId(), exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        if (properties.scheduler().enabled()) {
            from("timer:schedules?period=" + properties.scheduler().pollInterval().toMillis() + "&fixedRate=false")
                    .routeId("schedules.timer")
                    .process(exchange -> firer.fireDue());
        }

        from("timer:schedules-prune?period=" + Duration.ofHours(1).toMillis() + "&delay=60000")
                .routeId("schedules.prune")
                .process(exchange -> store.pruneFirings(Instant.now()
                        .minus(properties.scheduler().historyRetention())));
    }
}
