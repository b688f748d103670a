package io.opencloud.controlplane.kafka;

import io.cloudevents.CloudEvent;
import io.opencloud.infra.config.RuntimeEndpoints;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.stereotype.Component;

/**
 * Writes records to Kafka and returns only once the broker has them. A plain Kafka producer rather than a Camel
 * endpoint: Camel's header map rewrites {@code content-type} as {@code Content-Type}, and Kafka header names are
 * case-sensitive, so binary-mode CloudEvents would lose their data's media type.
 */
@Component
public class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(RuntimeEndpoints endpoints) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // One record at a time on the hot paths: waiting for a batch to fill only adds latency.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, "opencloud-control-plane"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes the event in binary mode, its data as the record value. */
    public void publish(String topic, String key, CloudEvent event) {
        Headers headers = new RecordHeaders();
        KafkaCloudEvents.headersOf(event).forEach((name, value) ->
                headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(topic, null, key, KafkaCloudEvents.dataOf(event), headers));
    }

    /** @throws PublishFailedException when the broker did not acknowledge the record */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new PublishFailedException(record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The broker did not take a record. */
    public static class PublishFailedException extends RuntimeException {

        public PublishFailedException(String topic, Throwable cause) {
            super("Kafka did not acknowledge a record on " + topic + ": " + cause.getMessage(), cause);
        }
    }
}
