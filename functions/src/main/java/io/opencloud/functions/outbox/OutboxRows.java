package io.opencloud.functions.outbox;

import io.opencloud.events.Topics;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes an event a function emits on its own (progress, a saga trigger) to the outbox, inside the caller's
 * transaction: Debezium reads the insert from the WAL, so the event leaves if and only if the transaction commits.
 * The row is deleted at once; the WAL keeps the insert.
 */
@Repository
public class OutboxRows {

    private final JdbcClient jdbc;

    public OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void emit(OutboxRow row) {
        UUID id = UUID.fromString(row.id());
        jdbc.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, ce_source, ce_subject,
                            ce_time, ce_sagaid, ce_causationid)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, row.aggregateType(), row.key(), row.type(), row.topic(), row.payload(), row.source(),
                        row.subject(), row.time(), row.sagaId(), row.causationId())
                .update();
        // The control plane's own events on opencloud.ingress are recorded as they leave (OwnIngressEvents).
        jdbc.sql("""
                        WITH gone AS (DELETE FROM outbox WHERE id = ? RETURNING id, type, topic, payload)
                        INSERT INTO own_ingress_event (event_id, type, data_sha256)
                        SELECT id::text, type, encode(sha256(convert_to(payload, 'UTF8')), 'hex') FROM gone
                        WHERE topic = ? ON CONFLICT DO NOTHING""").params(id, Topics.INGRESS).update();
    }

    /** Writes many rows in two statements, as {@link #emit} would one by one. */
    public void emitAll(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String[] ids = column(rows, OutboxRow::id);
        jdbc.sql("""
                        INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, ce_source, ce_subject,
                            ce_time, ce_sagaid, ce_causationid)
                        SELECT id::uuid, aggregatetype, aggregateid, type, topic, payload, ce_source, ce_subject,
                            ce_time, ce_sagaid, ce_causationid
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[])
                            AS r(id, aggregatetype, aggregateid, type, topic, payload, ce_source, ce_subject, ce_time,
                                 ce_sagaid, ce_causationid)""")
                .params(ids, column(rows, OutboxRow::aggregateType), column(rows, OutboxRow::key),
                        column(rows, OutboxRow::type), column(rows, OutboxRow::topic), column(rows, OutboxRow::payload),
                        column(rows, OutboxRow::source), column(rows, OutboxRow::subject), column(rows, OutboxRow::time),
                        column(rows, OutboxRow::sagaId), column(rows, OutboxRow::causationId))
                .update();
        jdbc.sql("""
                        WITH gone AS (DELETE FROM outbox WHERE id = ANY(?::uuid[]) RETURNING id, type, topic, payload)
                        INSERT INTO own_ingress_event (event_id, type, data_sha256)
                        SELECT id::text, type, encode(sha256(convert_to(payload, 'UTF8')), 'hex') FROM gone
                        WHERE topic = ? ON CONFLICT DO NOTHING""").params(ids, Topics.INGRESS).update();
    }

    private static String[] column(List<OutboxRow> rows, Function<OutboxRow, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
