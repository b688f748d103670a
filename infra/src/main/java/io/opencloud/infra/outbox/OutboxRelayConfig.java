package io.opencloud.infra.outbox;

import io.opencloud.events.Envelope;
import io.opencloud.infra.config.RuntimeEndpoints;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where the relay reads the outbox and where it publishes, and the Debezium and Kafka producer settings that follow.
 *
 * @param slotName the replication slot; slots are per cluster, so two databases of one cluster need two names
 */
public record OutboxRelayConfig(String kafkaBootstrap, String jdbcUrl, String dbUsername, String dbPassword,
                                String slotName) {

    public static final String DEFAULT_SLOT = "opencloud_outbox";
    /** Publications are per database; Debezium keeps this one to the outbox table and to inserts. */
    public static final String PUBLICATION = "opencloud_outbox";
    public static final String OUTBOX_TABLE = "public.outbox";
    /** Created by Debezium's JDBC offset store if missing: the WAL position up to which Kafka has the events. */
    public static final String OFFSETS_TABLE = "outbox_relay_offsets";
    public static final String CONNECTOR_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
    /** Compiled apart, for the Java of Connect workers (src/connect), so named rather than referred to. */
    public static final String DROP_NULL_HEADERS = "io.opencloud.infra.connect.DropNullHeaders";

    public OutboxRelayConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUsername, "dbUsername");
        Objects.requireNonNull(slotName, "slotName");
        dbPassword = Objects.toString(dbPassword, "");
    }

    public static OutboxRelayConfig of(RuntimeEndpoints endpoints) {
        return new OutboxRelayConfig(endpoints.kafkaBootstrap(), endpoints.jdbcUrl(), endpoints.dbUsername(),
                endpoints.dbPassword(), DEFAULT_SLOT);
    }

    /** The embedded engine's configuration: the Postgres connector, the JDBC offset store and the outbox router. */
    Properties engineProperties() {
        PostgresJdbcUrl database = PostgresJdbcUrl.parse(jdbcUrl);
        Properties p = new Properties();
        p.setProperty("name", "opencloud-outbox-relay");
        p.setProperty("connector.class", CONNECTOR_CLASS);

        // Offsets live beside the outbox, so a restarted relay resumes where Kafka last acknowledged.
        p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        p.setProperty("offset.storage.jdbc.connection.url", jdbcUrl);
        p.setProperty("offset.storage.jdbc.connection.user", dbUsername);
        // The store refuses an empty password. A server that accepts an empty one does not ask for any (trust), so a
        // placeholder is never sent.
        p.setProperty("offset.storage.jdbc.connection.password", dbPassword.isEmpty() ? "unused" : dbPassword);
        p.setProperty("offset.storage.jdbc.table.name", OFFSETS_TABLE);
        // A flush that fails is made good by the next one; retrying it for 15 s (the default) only holds up a stop.
        p.setProperty("offset.storage.jdbc.connection.retry.max.attempts", "2");
        p.setProperty("offset.storage.jdbc.connection.wait.retry.delay.ms", "500");
        // The slot drops WAL only once the offset is stored: this bounds what a crash sends again, not what it loses.
        p.setProperty("offset.flush.interval.ms", "1000");
        // Debezium names its JMX beans after the topic prefix; a second relay in one JVM (tests run several control
        // planes) would wait for the first one's names and not stream. The database it reads tells them apart.
        p.setProperty("custom.metric.tags", "database="
                + (database.host() + "_" + database.port() + "_" + database.database()).replaceAll("[^\\w.-]", "_"));
        p.putAll(connectorAndRouter());
        return p;
    }

    /**
     * The same connector for Kafka Connect (the distributed deployment's {@code KafkaConnector}, and the compose
     * file's): Connect keeps the offsets itself, and since no relay code runs there, the record becomes a
     * binary-mode CloudEvent through configuration alone: the payload and key written as plain strings, the event
     * id and the spec version columns copied to {@code ce_id} and {@code ce_specversion}, the router's own id header
     * dropped, the headers of columns left null dropped ({@value #DROP_NULL_HEADERS}), and the constant
     * {@code content-type} header added.
     */
    public Map<String, String> connectConfig() {
        Map<String, String> config = new LinkedHashMap<>(connectorAndRouter());
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("header.converter", "org.apache.kafka.connect.storage.SimpleHeaderConverter");
        config.put("transforms", "outbox,nulls,contenttype,routerid");
        config.put("transforms.outbox.table.fields.additional.placement",
                config.get("transforms.outbox.table.fields.additional.placement") + ",id:header:"
                        + OutboxEvent.ID_HEADER + ",ce_specversion:header:" + OutboxEvent.SPEC_VERSION_HEADER);
        config.put("transforms.nulls.type", DROP_NULL_HEADERS);
        config.put("transforms.contenttype.type", "org.apache.kafka.connect.transforms.InsertHeader");
        config.put("transforms.contenttype.header", Envelope.KAFKA_CONTENT_TYPE);
        config.put("transforms.contenttype.value.literal", Envelope.JSON);
        config.put("transforms.routerid.type", "org.apache.kafka.connect.transforms.DropHeaders");
        config.put("transforms.routerid.headers", OutboxEvent.ROUTER_EVENT_ID_HEADER);
        return config;
    }

    /** What both ways of running the connector share: where it reads, and how the router turns rows into events. */
    private Map<String, String> connectorAndRouter() {
        PostgresJdbcUrl database = PostgresJdbcUrl.parse(jdbcUrl);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("database.hostname", database.host());
        p.put("database.port", Integer.toString(database.port()));
        p.put("database.dbname", database.database());
        p.put("database.user", dbUsername);
        p.put("database.password", dbPassword);
        // Also the offsets' key: it must stay the same for as long as the offsets live.
        p.put("topic.prefix", "opencloud_outbox");

        p.put("plugin.name", "pgoutput");
        p.put("slot.name", slotName);
        p.put("publication.name", PUBLICATION);
        p.put("publication.autocreate.mode", "filtered");
        p.put("table.include.list", OUTBOX_TABLE);
        // Writers delete each row in the transaction that inserts it; skipping the other operations also keeps them
        // out of the publication (publish = 'insert'), so PostgreSQL never sends the deletes.
        p.put("skipped.operations", "u,d,t");
        // Rows already deleted leave nothing to snapshot; events start with the slot.
        p.put("snapshot.mode", "no_data");
        // The default 500 ms is also the delay from commit to Kafka; 10 ms measured p50 10 ms, p99 26 ms (DESIGN.md).
        p.put("poll.interval.ms", "10");
        // Lets the slot advance while the outbox is quiet, so PostgreSQL need not keep the WAL of other tables.
        p.put("heartbeat.interval.ms", "10000");
        // Debezium would add headers of its own (__debezium.context.*) to every record; events carry only theirs.
        p.put("extended.headers.enabled", "false");

        p.put("transforms", "outbox");
        p.put("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.put("transforms.outbox.table.field.event.id", "id");
        p.put("transforms.outbox.table.field.event.key", "aggregateid");
        p.put("transforms.outbox.table.field.event.payload", "payload");
        p.put("transforms.outbox.route.by.field", "topic");
        p.put("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.put("transforms.outbox.table.fields.additional.placement", OutboxEvent.HEADER_COLUMNS.entrySet()
                .stream().sorted(Map.Entry.comparingByKey())
                .map(column -> column.getKey() + ":header:" + column.getValue())
                .collect(Collectors.joining(",")));
        return p;
    }

    Map<String, Object> producerProperties() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Batches come from the WAL already formed; waiting for more only adds latency.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "opencloud-outbox-relay");
    }
}
