package io.opencloud.controlplane.functions;

import io.opencloud.controlplane.kafka.KafkaEndpoints;
import io.opencloud.events.Operation;
import io.opencloud.events.Topics;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Serves the commands unless a Knative Broker delivers them ({@link FunctionHosting}): one route per domain consumes
 * {@code opencloud.<domain>.commands} and serves one command after another ({@link CommandServer}), in this JVM or
 * on the domain's function host. Domains with a concurrency above 1 are served by
 * {@link ConcurrentFunctionHostRoutes} instead.
 *
 * <p>A function that fails unexpectedly (the database is down, say) is retried with back-off; when retries run out,
 * the command is answered {@code failed} with {@code retryable: true}, so that whoever waits for it learns the truth.
 */
@Component
@ConditionalOnProperty(name = FunctionHosting.DELIVERED_BY_BROKER, havingValue = "false", matchIfMissing = true)
public class FunctionHostRoutes extends RouteBuilder {

    private final KafkaEndpoints kafka;
    private final CommandServer server;
    private final FunctionHosting hosting;

    public FunctionHostRoutes(KafkaEndpoints kafka, CommandServer server, FunctionHosting hosting) {
        this.kafka = kafka;
        this.server = server;
        this.hosting = hosting;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .maximumRedeliveries(3).redeliveryDelay(200).useExponentialBackOff()
                .handled(true)
                .process(exchange -> server.answerUnexpectedFailure(exchange,
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        for (String domain : Operation.domains()) {
            if (hosting.concurrencyOf(domain) == 1) {
                from(kafka.consumer(Topics.commands(domain), "opencloud-functions-" + domain))
                        .routeId("functions." + domain)
                        .process(server::serve);
            }
        }
    }
}
