package io.opencloud.controlplane;

import static org.awaitility.Awaitility.await;

import io.opencloud.infra.test.SharedTestRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the shared broker from its beginning, as a fresh consumer group, keeping the records that match. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Predicate<ConsumerRecord<String, byte[]>> filter;
    private final List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();

    TopicReader(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        this.filter = filter;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.endpoints().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of(topic));
    }

    /** Polls until at least {@code count} records matched (or fails after {@code within}); returns all kept so far. */
    List<ConsumerRecord<String, byte[]>> awaitAtLeast(int count, Duration within) {
        await().atMost(within).until(() -> {
            poll();
            return kept.size() >= count;
        });
        return List.copyOf(kept);
    }

    /** Polls for a while and returns everything kept, for checking that nothing more arrived. */
    List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
        return List.copyOf(kept);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (filter.test(record)) {
                kept.add(record);
            }
        });
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
