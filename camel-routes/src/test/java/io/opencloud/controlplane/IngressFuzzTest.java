package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.events.Envelope;
import io.opencloud.events.Topics;
import io.opencloud.infra.test.SharedTestRuntime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand malformed events, half over HTTP and half on {@code opencloud.ingress}, with a valid event after
 * every fiftieth: every malformed request is answered 4xx, every malformed record is parked on the dead-letter topic
 * with a reason, every valid event is served, and the control plane is healthy at the end. The seed is printed so
 * that a failure can be replayed with {@code -Dfuzz.seed=<seed>}.
 */
class IngressFuzzTest extends ControlPlaneTestBase {

    private static final int HTTP_CASES = 5_000;
    private static final int KAFKA_CASES = 5_000;
    private static final int VALID_EVERY = 50;

    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final String run = UUID.randomUUID().toString();

    @Test
    void malformedRequestsAreAnswered4xxAndValidOnesInBetweenAreServed() {
        System.out.println("IngressFuzzTest HTTP seed " + seed);
        MalformedEvents malformed = new MalformedEvents(seed);
        Map<String, Integer> statusesByKind = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        Http http = http();
        long start = System.nanoTime();
        for (int n = 0; n < HTTP_CASES; n++) {
            MalformedEvents.Request request = malformed.request(n);
            HttpResponse<String> response = http.post("/events", request.contentType(), request.body(),
                    request.headers());
            statusesByKind.merge(request.kind() + " " + response.statusCode(), 1, Integer::sum);
            if (response.statusCode() < 400 || response.statusCode() >= 500
                    || !response.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
                wrong.add("#" + n + " " + request.kind() + ": " + response.statusCode() + " " + response.body());
            }
            if (n % VALID_EVERY == 0) {
                String id = "valid-" + run + "-" + n;
                assertThat(http.postStructured(MalformedEvents.validEvent(id)).statusCode()).isEqualTo(202);
                valid.add(id);
            }
        }
        System.out.printf("IngressFuzzTest HTTP: %d malformed and %d valid requests answered in %.1f s%n", HTTP_CASES,
                valid.size(), (System.nanoTime() - start) / 1e9);
        System.out.println("IngressFuzzTest HTTP answers by fault: " + statusesByKind);

        assertThat(wrong).as("malformed requests not answered 4xx problem+json").isEmpty();
        assertEveryValidEventServed(valid, false);
        assertHealthy();
    }

    @Test
    void malformedRecordsAreParkedWithAReasonAndValidOnesInBetweenAreServed() throws Exception {
        System.out.println("IngressFuzzTest Kafka seed " + seed);
        MalformedEvents malformed = new MalformedEvents(seed);
        List<String> valid = new ArrayList<>();
        String marker = "fuzz-" + run + "-";
        long start = System.nanoTime();
        try (TopicReader parked = new TopicReader(Topics.INGRESS_DLQ, r -> r.key() != null
                && r.key().startsWith(marker));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestRuntime.endpoints().kafkaBootstrap(),
                     ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int n = 0; n < KAFKA_CASES; n++) {
                MalformedEvents.Record record = malformed.record(n);
                ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.INGRESS, marker + n, record.value());
                record.headers().forEach((name, value) -> out.headers().add(name, value));
                producer.send(out);
                if (n % VALID_EVERY == 0) {
                    String id = "valid-" + run + "-kafka-" + n;
                    ProducerRecord<String, byte[]> good = new ProducerRecord<>(Topics.INGRESS, id,
                            MalformedEvents.utf8(MalformedEvents.validEvent(id)));
                    good.headers().add("content-type", MalformedEvents.utf8("application/cloudevents+json"));
                    producer.send(good);
                    valid.add(id);
                }
            }
            producer.flush();

            parked.awaitAtLeast(KAFKA_CASES, Duration.ofMinutes(3));
            System.out.printf("IngressFuzzTest Kafka: %d malformed records parked in %.1f s%n", KAFKA_CASES,
                    (System.nanoTime() - start) / 1e9);
            List<ConsumerRecord<String, byte[]>> dead = parked.drain(Duration.ofSeconds(2));
            assertThat(dead).as("each parked once").hasSize(KAFKA_CASES);
            assertThat(dead.stream().map(ConsumerRecord::key).distinct()).hasSize(KAFKA_CASES);
            assertThat(dead).allSatisfy(record -> {
                assertThat(TopicReader.header(record, Envelope.DLQ_REASON_HEADER)).isNotBlank();
                assertThat(TopicReader.header(record, Envelope.DLQ_TOPIC_HEADER)).isEqualTo(Topics.INGRESS);
                assertThat(TopicReader.header(record, Envelope.DLQ_OFFSET_HEADER)).matches("\\d+");
            });
        }
        assertEveryValidEventServed(valid, true);
        assertHealthy();
    }

    /** Every valid event has its reply, read as whoever may read it (the Kafka door's by the platform admin). */
    private void assertEveryValidEventServed(List<String> ids, boolean fromKafka) {
        Http http = http();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids)
                .filteredOn(id -> (fromKafka ? http.kafkaReply(id) : http.get("/events/" + id + "/reply"))
                        .statusCode() != 200)
                .as("valid events without a reply").isEmpty());
    }

    private void assertHealthy() {
        HttpResponse<String> health = http().get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    }
}
