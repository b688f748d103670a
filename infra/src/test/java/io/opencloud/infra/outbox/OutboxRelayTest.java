package io.opencloud.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.opencloud.events.Topics;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.db.SchemaMigrations;
import io.opencloud.infra.health.OutboxRelayHealthIndicator;
import io.opencloud.infra.test.SharedTestRuntime;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay against a real PostgreSQL (logical decoding) and Kafka broker: what reaches the topic, and when. */
class OutboxRelayTest {

    private static final String TOPIC = Topics.commands("macaroon");
    private static final Duration DELIVERY = Duration.ofSeconds(15);

    private final RuntimeEndpoints endpoints = SharedTestRuntime.endpoints();
    private final DataSource dataSource = SharedTestRuntime.dataSource();
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before the test writes anything.
        partitions.forEach(consumer::position);
    }

    @AfterEach
    void closeConsumer() {
        consumer.close();
    }

    @Test
    void publishesARowInsertedAndDeletedInOneTransactionAsABinaryCloudEvent() throws SQLException {
        OutboxRow row = new OutboxRow(TOPIC, "saga-" + UUID.randomUUID(), "io.opencloud.macaroon.issue.requested.v1",
                "{\"resource\":\"s3://results/run-42\",\"action\":\"read\",\"note\":\"grüße\"}", "/opencloud/sagas",
                "run-42", UUID.randomUUID().toString(), UUID.randomUUID().toString());

        try (OutboxRelay relay = OutboxRelay.start(OutboxRelayConfig.of(endpoints))) {
            row.writeAndDelete(dataSource);

            ConsumerRecord<String, byte[]> record = awaitRecords(row.aggregateId(), row.payload()).getFirst();
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.key()).isEqualTo(row.aggregateId());
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(row.payload());
            assertThat(headers(record)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "ce_specversion", "1.0",
                    "ce_id", row.id().toString(),
                    "ce_type", row.type(),
                    "ce_source", row.source(),
                    "ce_time", row.time(),
                    "ce_subject", row.subject(),
                    "ce_sagaid", row.sagaId(),
                    "ce_causationid", row.causationId(),
                    "content-type", "application/json"));
            assertThat(record.headers().toArray()).as("no header twice").hasSize(9);
            assertThat(new OutboxRelayHealthIndicator(relay).health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void leavesOutTheOptionalAttributesARowDoesNotHave() throws SQLException {
        OutboxRow row = new OutboxRow(TOPIC, "aggregate-" + UUID.randomUUID(),
                "io.opencloud.macaroon.verify.requested.v1", "{}", "/opencloud/ingress", null, null, null);

        try (OutboxRelay relay = OutboxRelay.start(OutboxRelayConfig.of(endpoints))) {
            row.writeAndDelete(dataSource);

            assertThat(headers(awaitRecords(row.aggregateId(), row.payload()).getFirst())).containsOnlyKeys(
                    "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type");
        }
    }

    @Test
    void losesNoRowAcrossARestartNorWhileStopped() throws SQLException {
        String aggregateId = "aggregate-" + UUID.randomUUID();
        OutboxRow beforeStop = OutboxRow.command(TOPIC, aggregateId, "{\"n\":1}");
        OutboxRow whileStopped = OutboxRow.command(TOPIC, aggregateId, "{\"n\":2}");

        try (OutboxRelay relay = OutboxRelay.start(OutboxRelayConfig.of(endpoints))) {
            // Stopped right after the commit: the row may be in flight to Kafka or not read at all yet.
            beforeStop.writeAndDelete(dataSource);
        }
        whileStopped.writeAndDelete(dataSource);
        try (OutboxRelay relay = OutboxRelay.start(OutboxRelayConfig.of(endpoints))) {
            List<ConsumerRecord<String, byte[]>> records = awaitRecords(aggregateId, whileStopped.payload());

            // At least once: a row the first relay had sent but not yet stored as done is sent again.
            assertThat(records).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                    .containsSubsequence("{\"n\":1}", "{\"n\":2}");
        }
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM " + OutboxRelayConfig.OFFSETS_TABLE)
                .query(Long.class).single()).as("offsets are stored in the database").isPositive();
    }

    @Test
    void stopsLoudlyWhenKafkaRefusesAnEvent() throws SQLException {
        // A database and slot of its own: the refused row stays in this slot's WAL, and would stop any later relay.
        String name = "outbox_relay_" + UUID.randomUUID().toString().replace("-", "");
        createDatabase(name);
        String jdbcUrl = endpoints.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        OutboxRelayConfig config = new OutboxRelayConfig(endpoints.kafkaBootstrap(), jdbcUrl, endpoints.dbUsername(),
                endpoints.dbPassword(), name);
        OutboxRow refused = new OutboxRow("not a topic!", "aggregate-" + UUID.randomUUID(), "io.opencloud.test.v1",
                "{}", "/opencloud/test", null, null, null);
        try (HikariDataSource own = dataSource(jdbcUrl)) {
            SchemaMigrations.apply(own);
            try (OutboxRelay relay = OutboxRelay.start(config)) {
                refused.writeAndDelete(own);

                await().atMost(DELIVERY).until(() -> !relay.isStreaming());
                assertThat(relay.failure()).get().asString().contains(refused.id().toString());
                Health health = new OutboxRelayHealthIndicator(relay).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsKey("error");
            }
            dropSlot(name);
        }
    }

    /** The records with this key, in order, up to the first whose value is {@code lastPayload}. */
    private List<ConsumerRecord<String, byte[]>> awaitRecords(String key, String lastPayload) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(DELIVERY).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (key.equals(record.key())) {
                    found.add(record);
                    if (lastPayload.equals(new String(record.value(), StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
            }
            return false;
        });
        return found;
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUsername(),
                endpoints.dbPassword()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    private void dropSlot(String slot) {
        // Slots are per cluster and keep WAL for as long as they exist.
        JdbcClient.create(dataSource).sql("SELECT pg_drop_replication_slot(?)").param(slot).query().singleRow();
    }

    private HikariDataSource dataSource(String jdbcUrl) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(jdbcUrl);
        ds.setUsername(endpoints.dbUsername());
        ds.setPassword(endpoints.dbPassword());
        ds.setMaximumPoolSize(2);
        return ds;
    }
}
