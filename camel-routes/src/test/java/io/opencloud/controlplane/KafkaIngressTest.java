package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.events.Envelope;
import io.opencloud.events.Topics;
import io.opencloud.infra.test.SharedTestRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Events published on {@code opencloud.ingress} by a plain Kafka client, as another system would. */
class KafkaIngressTest extends ControlPlaneTestBase {

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestRuntime.endpoints().kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStructuredEventOnTheIngressTopicIsServed() throws Exception {
        String issueId = id();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGRESS, issueId,
                    bytes(Http.issueEvent(issueId, "s3://bucket/a", "read", 60)));
            record.headers().add("content-type", bytes("application/cloudevents+json"));
            producer.send(record).get();
        }

        assertThat(http().replyToKafka(issueId).get("type").asString()).isEqualTo("io.opencloud.macaroon.issue.completed.v1");
    }

    @Test
    void aBinaryEventOnTheIngressTopicIsServed() throws Exception {
        String issueId = id();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INGRESS, issueId,
                    bytes("{\"resource\":\"s3://bucket/b\",\"action\":\"write\",\"ttlSeconds\":60}"));
            record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(issueId))
                    .add("ce_source", bytes("/tests/kafka")).add("ce_type", bytes("io.opencloud.macaroon.issue.requested.v1"))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        }

        assertThat(http().replyToKafka(issueId).get("data").get("action").asString()).isEqualTo("write");
    }

    @Test
    void invalidRecordsAreParkedOnTheDeadLetterTopicWithTheReasonAndTheValidOnesStillFlow() throws Exception {
        String marker = id();
        String issueId = id();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.INGRESS, marker, new byte[] {0, (byte) 0xff, 0x42})).get();
            ProducerRecord<String, byte[]> wrongSpec = new ProducerRecord<>(Topics.INGRESS, marker,
                    bytes("{\"resource\":\"r\"}"));
            wrongSpec.headers().add("ce_specversion", bytes("0.3")).add("ce_id", bytes("w"))
                    .add("ce_source", bytes("/t")).add("ce_type", bytes("io.opencloud.macaroon.issue.requested.v1"))
                    .add("x-trace", bytes("keep-me"));
            producer.send(wrongSpec).get();
            producer.send(new ProducerRecord<>(Topics.INGRESS, issueId,
                    bytes(Http.issueEvent(issueId, "r", "read", 60)))).get();
        }

        assertThat(http().replyToKafka(issueId).get("type").asString()).endsWith("completed.v1");
        List<ConsumerRecord<String, byte[]>> parked;
        try (TopicReader deadLetters = new TopicReader(Topics.INGRESS_DLQ, r -> marker.equals(r.key()))) {
            parked = deadLetters.awaitAtLeast(2, Duration.ofSeconds(30));
        }
        assertThat(TopicReader.header(parked.get(0), Envelope.DLQ_REASON_HEADER)).contains("not a CloudEvent");
        assertThat(TopicReader.header(parked.get(0), Envelope.DLQ_TOPIC_HEADER)).isEqualTo(Topics.INGRESS);
        assertThat(TopicReader.header(parked.get(0), Envelope.DLQ_OFFSET_HEADER)).matches("\\d+");
        assertThat(parked.get(0).value()).containsExactly(0, (byte) 0xff, 0x42);
        assertThat(TopicReader.header(parked.get(1), Envelope.DLQ_REASON_HEADER)).contains("specversion");
        assertThat(TopicReader.header(parked.get(1), "x-trace")).isEqualTo("keep-me");
    }
}
