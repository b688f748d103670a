package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.Topics;
import io.opencloud.infra.test.SharedTestRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the function host puts on Kafka, as other systems and the saga coordinator will read it. */
class FunctionHostTest extends ControlPlaneTestBase {

    @Test
    void theReplyIsABinaryModeCloudEventKeyedBySagaIdWithNoHeaderOfTheCommandLeftOver() {
        String issueId = id();
        JsonNode receipt = Http.JSON.readTree(http().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.macaroon.issue.requested.v1",
                 "subject":"s3://results/run-9","dataschema":"urn:example:schema",
                 "data":{"resource":"s3://results/run-9","action":"read","ttlSeconds":60}}""".formatted(issueId)).body());

        ConsumerRecord<String, byte[]> reply = firstRecord(Operation.ISSUE_MACAROON.eventsTopic(),
                record -> issueId.equals(header(record, "ce_causationid")));

        assertThat(reply.key()).isEqualTo(receipt.get("sagaId").asString());
        assertThat(header(reply, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(reply, "ce_type")).isEqualTo("io.opencloud.macaroon.issue.completed.v1");
        assertThat(header(reply, "ce_source")).isEqualTo("/opencloud/functions/macaroon");
        assertThat(header(reply, "ce_subject")).isEqualTo("s3://results/run-9");
        assertThat(header(reply, "ce_sagaid")).isEqualTo(receipt.get("sagaId").asString());
        assertThat(header(reply, "content-type")).isEqualTo("application/json");
        assertThat(header(reply, "ce_dataschema")).as("the command's dataschema is not the reply's").isNull();
        List<String> names = StreamSupport.stream(reply.headers().spliterator(), false).map(Header::key).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(Http.JSON.readTree(reply.value()).get("macaroon").asString()).isNotBlank();
    }

    @Test
    void aPoisonRecordOnACommandsTopicIsParkedAndTheNextCommandIsStillServed() throws Exception {
        String issueId = id();
        poisonThenServe(Operation.ISSUE_MACAROON, issueId, Http.issueEvent(issueId, "r", "read", 60));
    }

    @Test
    void aPoisonRecordAmongCommandsServedConcurrentlyIsParkedAndTheNextCommandIsStillServed() throws Exception {
        String discardId = id();
        poisonThenServe(Operation.DISCARD_OUTPUTS, discardId, """
                {"specversion":"1.0","id":"%s","source":"/tests","type":"%s",
                 "data":{"output":{"bucket":"opencloud-processing","prefix":"host-test/%s"}}}"""
                .formatted(discardId, Operation.DISCARD_OUTPUTS.requestedType(), discardId));
    }

    private void poisonThenServe(Operation operation, String eventId, String event) throws Exception {
        String marker = id();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.endpoints().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(operation.commandsTopic(), marker,
                    "{\"truncated".getBytes(StandardCharsets.UTF_8))).get();
        }
        http().postStructured(event);

        assertThat(http().reply(eventId).get("type").asString()).isEqualTo(operation.completedType());
        ConsumerRecord<String, byte[]> parked = firstRecord(Topics.deadLetter(operation.commandsTopic()),
                record -> marker.equals(record.key()));
        assertThat(header(parked, Envelope.DLQ_REASON_HEADER)).contains("not a CloudEvent");
    }

    private static ConsumerRecord<String, byte[]> firstRecord(String topic,
                                                              Predicate<ConsumerRecord<String, byte[]>> wanted) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.endpoints().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "function-host-test-" + id(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.getFirst();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
