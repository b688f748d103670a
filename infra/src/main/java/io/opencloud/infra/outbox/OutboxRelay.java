package io.opencloud.infra.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the outbox table to Kafka in this JVM: the Debezium embedded engine reads the inserted rows from
 * PostgreSQL's WAL (pgoutput), the outbox event router turns each into an event for the topic its row names, and
 * {@link OutboxBatchPublisher} produces them as binary-mode CloudEvents. The distributed deployment runs the same
 * connector on Kafka Connect instead.
 *
 * <p>{@link #start} returns once the replication slot exists, so no row committed afterwards can be missed. A relay
 * that stops on its own logs an error and reports it through {@link #failure()}; nothing restarts it.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    // Creating a slot waits for the transactions running at that moment to end.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxRelayConfig config;
    private final Producer<String, byte[]> producer;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final CompletableFuture<Void> streaming = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Throwable failure;

    private OutboxRelay(OutboxRelayConfig config) {
        this.config = config;
        // Before the producer, whose threads would outlive a JDBC URL the connector cannot use.
        Properties engineProperties = config.engineProperties();
        this.producer = new KafkaProducer<>(config.producerProperties(), new StringSerializer(),
                new ByteArraySerializer());
        try {
            this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(engineProperties)
                    .using(OutboxRelay.class.getClassLoader())
                    .notifying(new OutboxBatchPublisher(producer))
                    .using(new DebeziumEngine.ConnectorCallback() {
                        @Override
                        public void pollingStarted() {
                            onStreaming();
                        }
                    })
                    .using(this::onStopped)
                    .build();
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    /**
     * Starts the engine on its own thread and waits until it streams.
     *
     * @throws StartFailedException when the engine stopped or did not stream within a minute; it is stopped then
     */
    public static OutboxRelay start(OutboxRelayConfig config) {
        OutboxRelay relay = new OutboxRelay(config);
        Thread.ofPlatform().name("outbox-relay").start(relay::run);
        try {
            relay.streaming.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return relay;
        } catch (ExecutionException e) {
            relay.close();
            throw new StartFailedException(config, e.getCause());
        } catch (TimeoutException e) {
            relay.close();
            throw new StartFailedException(config, new TimeoutException("not streaming after " + START_TIMEOUT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            relay.close();
            throw new StartFailedException(config, e);
        }
    }

    private void run() {
        try {
            engine.run();
        } finally {
            // The engine reports its end through onStopped; this only catches an end it did not report.
            if (stopped.getCount() > 0) {
                onStopped(false, "the engine's thread ended", null);
            }
        }
    }

    private void onStreaming() {
        if (streaming.complete(null)) {
            log.info("Outbox relay streaming {} to Kafka at {} (replication slot {}, publication {})",
                    OutboxRelayConfig.OUTBOX_TABLE, config.kafkaBootstrap(), config.slotName(),
                    OutboxRelayConfig.PUBLICATION);
        }
    }

    private void onStopped(boolean success, String message, Throwable error) {
        if (success && closing.get()) {
            log.info("Outbox relay stopped");
        } else {
            failure = error != null ? error : new IllegalStateException(message);
            log.error("Outbox relay stopped: {}. Outbox events do not reach Kafka until the relay starts again.",
                    message, error);
        }
        streaming.completeExceptionally(failure != null ? failure : new IllegalStateException(message));
        stopped.countDown();
    }

    /** True from the moment it streams until it stops, whether it was closed or failed. */
    public boolean isStreaming() {
        return streaming.isDone() && !streaming.isCompletedExceptionally() && stopped.getCount() > 0;
    }

    /** Why the relay stopped on its own, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    public OutboxRelayConfig config() {
        return config;
    }

    /** Stops the engine, which stores the offsets of what Kafka has acknowledged, then the producer. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (stopped.getCount() > 0) {
            try {
                engine.close();
            } catch (IOException | IllegalStateException e) {
                // IllegalStateException: the engine stopped on its own meanwhile, or is still starting its task.
                log.warn("Stopping the outbox relay's engine failed: {}", e.toString());
            }
        }
        try {
            if (!stopped.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The outbox relay's engine did not stop within {}", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }

    /** The relay did not reach streaming; the message says where it read from and why it stopped. */
    public static final class StartFailedException extends RuntimeException {

        StartFailedException(OutboxRelayConfig config, Throwable cause) {
            super("The outbox relay could not stream " + OutboxRelayConfig.OUTBOX_TABLE + " from " + config.jdbcUrl()
                    + " (replication slot " + config.slotName() + "): " + rootCause(cause).getMessage(), cause);
        }

        // The root cause says what is wrong; some of Debezium's wrappers also print the whole configuration,
        // passwords included.
        private static Throwable rootCause(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root;
        }
    }
}
