package io.opencloud.controlplane.saga;

import io.opencloud.events.Topics;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an event to the outbox inside the caller's transaction: it leaves for Kafka (Debezium reads the insert from
 * the WAL) if and only if the transaction commits. The row is deleted at once; the WAL keeps the insert. The row's
 * id, a UUID, becomes the CloudEvent's id.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void emit(OutboxEvent event) {
        UUID rowId = UUID.fromString(event.id());
        jdbc.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, ce_source, ce_subject,
                            ce_time, ce_sagaid, ce_causationid)
                        VALUES (?, 'saga', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(rowId, event.key(), event.type(), event.topic(), event.data(), event.source(),
                        event.subject(), event.time(), event.sagaId(), event.causationId())
                .update();
        // The control plane's own events on opencloud.ingress are recorded as they leave (OwnIngressEvents).
        jdbc.sql("""
                        WITH gone AS (DELETE FROM outbox WHERE id = ? RETURNING id, type, topic, payload)
                        INSERT INTO own_ingress_event (event_id, type, data_sha256)
                        SELECT id::text, type, encode(sha256(convert_to(payload, 'UTF8')), 'hex') FROM gone
                        WHERE topic = ? ON CONFLICT DO NOTHING""").params(rowId, Topics.INGRESS).update();
    }
}
