package io.opencloud.infra.outbox;

import io.opencloud.events.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One outbox row as the outbox event router hands it over, and the binary-mode CloudEvent it becomes on Kafka.
 *
 * <p>The router puts the row's CloudEvent columns into Connect headers already named as the Kafka headers they
 * become ({@link #HEADER_COLUMNS}); only the event id arrives under the router's own header name.
 */
record OutboxEvent(String topic, String key, String payload, String id, String type, String source,
                          String time, String subject, String sagaId, String causationId) {

    static final String SPEC_VERSION_HEADER = ce("specversion");
    static final String ID_HEADER = ce("id");
    static final String TYPE_HEADER = ce("type");
    static final String SOURCE_HEADER = ce("source");
    static final String TIME_HEADER = ce("time");
    static final String SUBJECT_HEADER = ce("subject");
    static final String SAGA_ID_HEADER = ce(Envelope.SAGA_ID);
    static final String CAUSATION_ID_HEADER = ce(Envelope.CAUSATION_ID);

    /** Outbox column → the header the router copies it to. */
    static final Map<String, String> HEADER_COLUMNS = Map.of(
            "type", TYPE_HEADER,
            "ce_source", SOURCE_HEADER,
            "ce_time", TIME_HEADER,
            "ce_subject", SUBJECT_HEADER,
            "ce_sagaid", SAGA_ID_HEADER,
            "ce_causationid", CAUSATION_ID_HEADER);

    /** The header in which the router always passes the row's event id. */
    static final String ROUTER_EVENT_ID_HEADER = "id";

    /**
     * The event a routed record carries, or empty for a record the router let through untouched (Debezium's
     * heartbeats), which has no event id.
     */
    static Optional<OutboxEvent> from(SourceRecord record) {
        String id = header(record, ROUTER_EVENT_ID_HEADER);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new OutboxEvent(record.topic(), (String) record.key(), (String) record.value(), id,
                header(record, TYPE_HEADER), header(record, SOURCE_HEADER), header(record, TIME_HEADER),
                header(record, SUBJECT_HEADER), header(record, SAGA_ID_HEADER), header(record, CAUSATION_ID_HEADER)));
    }

    /** The record to produce: exactly the CloudEvent headers, the aggregate id as key and the payload as data. */
    ProducerRecord<String, byte[]> toProducerRecord() {
        Headers headers = new RecordHeaders();
        add(headers, SPEC_VERSION_HEADER, Envelope.SPEC_VERSION);
        add(headers, ID_HEADER, id);
        add(headers, TYPE_HEADER, type);
        add(headers, SOURCE_HEADER, source);
        add(headers, TIME_HEADER, time);
        add(headers, SUBJECT_HEADER, subject);
        add(headers, SAGA_ID_HEADER, sagaId);
        add(headers, CAUSATION_ID_HEADER, causationId);
        add(headers, Envelope.KAFKA_CONTENT_TYPE, Envelope.JSON);
        return new ProducerRecord<>(topic, null, key, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String header(SourceRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        return header == null || header.value() == null ? null : header.value().toString();
    }

    private static String ce(String attribute) {
        return Envelope.KAFKA_ATTRIBUTE_PREFIX + attribute;
    }
}
