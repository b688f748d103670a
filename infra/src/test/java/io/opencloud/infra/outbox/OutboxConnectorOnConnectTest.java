package io.opencloud.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;

import io.opencloud.events.Topics;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.test.SharedTestRuntime;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

/**
 * The connector of the distributed deployment ({@link OutboxRelayConfig#connectConfig()}, which
 * {@code kafka/outbox-connector.yaml} carries) turns outbox rows into the same binary-mode CloudEvents as the
 * embedded relay. It runs here on Debezium's engine with exactly that configuration, transforms included, and each
 * record is then converted with the key, value and header converters it names, as a Kafka Connect worker does
 * before producing.
 */
class OutboxConnectorOnConnectTest {

    private static final String TOPIC = Topics.commands("demo");
    private static final String SLOT = "opencloud_outbox_connect_test";

    private final RuntimeEndpoints endpoints = SharedTestRuntime.endpoints();
    private final DataSource dataSource = SharedTestRuntime.dataSource();

    @Test
    void writesEachRowAsABinaryCloudEventKeyedByItsAggregate() throws Exception {
        OutboxRow full = new OutboxRow(TOPIC, "saga-" + UUID.randomUUID(), "io.opencloud.demo.step.requested.v1",
                "{\"step\":\"reserve\",\"note\":\"grüße\"}", "/opencloud/sagas/demo-grant", "reserve",
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        OutboxRow bare = OutboxRow.command(TOPIC, "aggregate-" + UUID.randomUUID(), "{\"n\":1}");
        OutboxRelayConfig relay = new OutboxRelayConfig(endpoints.kafkaBootstrap(), endpoints.jdbcUrl(),
                endpoints.dbUsername(), endpoints.dbPassword(), SLOT);
        Map<String, String> connector = relay.connectConfig();

        Queue<SourceRecord> records = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> polling = new CompletableFuture<>();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine
                .create(ChangeEventFormat.of(Connect.class))
                .using(engineProperties(connector))
                .notifying(event -> records.add(event.record()))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        polling.complete(null);
                    }
                })
                .build()) {
            thread.submit(engine);
            polling.get(60, TimeUnit.SECONDS);
            full.writeAndDelete(dataSource);
            bare.writeAndDelete(dataSource);
            await().atMost(Duration.ofSeconds(20)).until(() -> recordOf(records, bare) != null
                    && recordOf(records, full) != null);

            WrittenRecord written = WrittenRecord.of(recordOf(records, full), connector);
            assertThat(written.topic()).isEqualTo(TOPIC);
            assertThat(written.key()).isEqualTo(full.aggregateId());
            assertThat(written.value()).isEqualTo(full.payload());
            assertThat(written.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ce_specversion", "1.0", "ce_id", full.id().toString(), "ce_type", full.type(),
                    "ce_source", full.source(), "ce_time", full.time(), "ce_subject", full.subject(),
                    "ce_sagaid", full.sagaId(), "ce_causationid", full.causationId(),
                    "content-type", "application/json"));

            CloudEvent event = written.asCloudEvent();
            assertThat(event.getId()).isEqualTo(full.id().toString());
            assertThat(event.getSubject()).isEqualTo(full.subject());
            assertThat(event.getExtension("sagaid")).isEqualTo(full.sagaId());

            // Attributes a row leaves empty are no headers at all: the CloudEvents SDK fails on a header without value.
            WrittenRecord writtenBare = WrittenRecord.of(recordOf(records, bare), connector);
            assertThat(writtenBare.headers()).containsOnlyKeys(
                    "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type");
            assertThat(writtenBare.asCloudEvent().getSubject()).isNull();
        } finally {
            thread.shutdownNow();
            dropSlot();
        }
    }

    private static SourceRecord recordOf(Queue<SourceRecord> records, OutboxRow row) {
        return records.stream().filter(r -> row.aggregateId().equals(r.key())).findFirst().orElse(null);
    }

    /** The connector's configuration plus what a Connect worker, not the connector, keeps: the offsets. */
    private static Properties engineProperties(Map<String, String> connector) {
        Properties properties = new Properties();
        properties.putAll(connector);
        properties.setProperty("name", "opencloud-outbox-connect-test");
        properties.setProperty("connector.class", OutboxRelayConfig.CONNECTOR_CLASS);
        properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        properties.setProperty("custom.metric.tags", "test=connect");
        return properties;
    }

    private void dropSlot() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                        + " WHERE slot_name = '" + SLOT + "'");
                return true;
            });
        }
    }

    /** A record as a Connect worker hands it to its producer, through the converters the connector names. */
    private record WrittenRecord(String topic, String key, String value, Map<String, String> headers) {

        static WrittenRecord of(SourceRecord record, Map<String, String> connector) throws Exception {
            StringConverter keys = converter(connector.get("key.converter"), true);
            StringConverter values = converter(connector.get("value.converter"), false);
            HeaderConverter headerConverter = (HeaderConverter) Class.forName(connector.get("header.converter"))
                    .getDeclaredConstructor().newInstance();
            headerConverter.configure(Map.of());
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                byte[] bytes = headerConverter.fromConnectHeader(record.topic(), header.key(), header.schema(),
                        header.value());
                headers.put(header.key(), bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
            }
            return new WrittenRecord(record.topic(),
                    text(keys.fromConnectData(record.topic(), record.keySchema(), record.key())),
                    text(values.fromConnectData(record.topic(), record.valueSchema(), record.value())), headers);
        }

        /** The record read back through the CloudEvents Kafka binding, as Knative's KafkaSource reads it. */
        CloudEvent asCloudEvent() {
            RecordHeaders kafkaHeaders = new RecordHeaders();
            headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
            return KafkaMessageFactory.createReader(kafkaHeaders, value.getBytes(StandardCharsets.UTF_8)).toEvent();
        }

        private static StringConverter converter(String className, boolean isKey) {
            assertThat(className).isEqualTo(StringConverter.class.getName());
            StringConverter converter = new StringConverter();
            converter.configure(Map.of(), isKey);
            return converter;
        }

        private static String text(byte[] bytes) {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
