package io.opencloud.infra.outbox;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Publishes each batch the engine hands over and marks it processed only once Kafka has acknowledged every event in
 * it. A batch that fails is not marked, so its offsets are never stored and the WAL still holds it: the events are
 * sent again after a restart (at least once), never lost.
 */
final class OutboxBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final Producer<String, byte[]> producer;

    OutboxBatchPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        // All sends first, then all waits: the batch shares the broker round trips.
        List<Pending> pending = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            OutboxEvent.from(change.record())
                    .ifPresent(event -> pending.add(new Pending(event, producer.send(event.toProducerRecord()))));
        }
        for (Pending sent : pending) {
            try {
                sent.ack().get();
            } catch (ExecutionException e) {
                throw new OutboxPublishException(sent.event(), e.getCause());
            }
        }
        for (RecordChangeEvent<SourceRecord> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    private record Pending(OutboxEvent event, Future<RecordMetadata> ack) {
    }

    /** Kafka refused an event for good (the producer has already retried until its delivery timeout). */
    static final class OutboxPublishException extends RuntimeException {

        OutboxPublishException(OutboxEvent event, Throwable cause) {
            super("Kafka did not acknowledge outbox event " + event.id() + " (" + event.type() + ") for topic "
                    + event.topic() + ": " + cause.getMessage(), cause);
        }
    }
}
