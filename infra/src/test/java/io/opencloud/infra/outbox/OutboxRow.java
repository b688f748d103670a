package io.opencloud.infra.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** An outbox row as the tests write it, the way every writer of the product does. */
record OutboxRow(UUID id, String topic, String aggregateId, String type, String payload, String source,
                 String time, String subject, String sagaId, String causationId) {

    OutboxRow(String topic, String aggregateId, String type, String payload, String source, String subject,
              String sagaId, String causationId) {
        this(UUID.randomUUID(), topic, aggregateId, type, payload, source, Instant.now().toString(), subject,
                sagaId, causationId);
    }

    static OutboxRow command(String topic, String aggregateId, String payload) {
        return new OutboxRow(topic, aggregateId, "io.opencloud.macaroon.issue.requested.v1", payload,
                "/opencloud/sagas", null, null, null);
    }

    /** Inserts the row and deletes it in one transaction: it exists only there, and Debezium reads it from the WAL. */
    void writeAndDelete(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, ce_source, ce_subject,
                        ce_time, ce_sagaid, ce_causationid)
                    VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                insert.setObject(1, id());
                insert.setString(2, aggregateId());
                insert.setString(3, type());
                insert.setString(4, topic());
                insert.setString(5, payload());
                insert.setString(6, source());
                insert.setString(7, subject());
                insert.setString(8, time());
                insert.setString(9, sagaId());
                insert.setString(10, causationId());
                insert.executeUpdate();
                delete.setObject(1, id());
                delete.executeUpdate();
            }
            connection.commit();
        }
    }
}
