package io.opencloud.controlplane.hooks;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Forgets, every ten minutes, the webhook deliveries older than the replay window ({@code hooks.prune}). Past the
 * window a replayed delivery is published again, but it cannot start a second saga: its event id, derived from the
 * delivery id, names the saga it started the first time.
 */
@Component
public class WebhookPruneRoute extends RouteBuilder {

    private final WebhookDeliveries deliveries;
    private final HookProperties hooks;

    public WebhookPruneRoute(WebhookDeliveries deliveries, HookProperties hooks) {
        this.deliveries = deliveries;
        this.hooks = hooks;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Pruning webhook deliveries failed; the next run tries again",
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        from("timer:hooks-prune?period=" + Duration.ofMinutes(10).toMillis() + "&delay=30000")
                .routeId("hooks.prune")
                .process(exchange -> deliveries.forgetBefore(Instant.now().minus(hooks.replayWindow())));
    }
}
