package io.opencloud.controlplane.functions;

import io.opencloud.controlplane.kafka.KafkaEndpoints;
import io.opencloud.events.Operation;
import io.opencloud.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Hosts the functions of the domains whose concurrency ({@link FunctionHosting}) is above 1: the route takes up to
 * that many commands from one poll and serves them at once, each on a virtual thread, and the poll's offsets are
 * committed only when every command of it has been answered. A crash before then redelivers the whole poll, which
 * the functions' idempotency absorbs.
 *
 * <p>Each command is retried on its own with back-off when its function fails unexpectedly, then answered
 * {@code failed} and retryable, as on the one-at-a-time route. Only when even that answer cannot be sent (the broker
 * is gone) does the poll fail, to be delivered again.
 */
@Component
@ConditionalOnProperty(name = FunctionHosting.DELIVERED_BY_BROKER, havingValue = "false", matchIfMissing = true)
public class ConcurrentFunctionHostRoutes extends RouteBuilder {

    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final KafkaEndpoints kafka;
    private final CommandServer server;
    private final FunctionHosting hosting;

    public ConcurrentFunctionHostRoutes(KafkaEndpoints kafka, CommandServer server, FunctionHosting hosting) {
        this.kafka = kafka;
        this.server = server;
        this.hosting = hosting;
    }

    @Override
    public void configure() {
        for (String domain : Operation.domains()) {
            int concurrency = hosting.concurrencyOf(domain);
            if (concurrency > 1) {
                from(kafka.batchConsumer(Topics.commands(domain), "opencloud-functions-" + domain, concurrency))
                        .routeId("functions." + domain)
                        .process(this::serveAll);
            }
        }
    }

    private void serveAll(Exchange poll) throws InterruptedException, ExecutionException {
        List<?> records = poll.getMessage().getBody(List.class);
        if (records == null || records.isEmpty()) {
            return;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> served = new ArrayList<>();
            for (Object record : records) {
                served.add(threads.submit(() -> serveWithRetries((Exchange) record)));
            }
            for (Future<?> one : served) {
                one.get();
            }
        }
    }

    private Void serveWithRetries(Exchange record) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                server.serve(record);
                return null;
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS) {
                    server.answerUnexpectedFailure(record, failure);
                    return null;
                }
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }
}
