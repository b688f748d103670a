package io.opencloud.functions.outbox;

import java.util.UUID;
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
        jdbc.sql("DELETE FROM outbox WHERE id = ?").param(id).update();
    }
}
