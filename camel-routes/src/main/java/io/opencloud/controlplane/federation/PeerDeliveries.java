package io.opencloud.controlplane.federation;

import io.opencloud.events.FederationType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * The outbox toward peers: an event for a peer is written in the transaction of the change it announces, so that a
 * crash cannot lose it nor send news of a change that was rolled back; {@link PeerDelivery} sends it later.
 */
@Repository
public class PeerDeliveries {

    /** One event waiting for a peer. */
    public record Delivery(long id, String peerId, String eventId, FederationType type, String subject, String data,
                           OffsetDateTime createdAt, int attempts) {
    }

    private final JdbcClient jdbc;

    public PeerDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String peerId, FederationType type, String subject, JsonNode data) {
        jdbc.sql("""
                        INSERT INTO federation_delivery (peer_id, event_id, event_type, subject, data)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(peerId, UUID.randomUUID().toString(), type.type(), subject, data.toString())
                .update();
    }

    /**
     * Claims the events due now, oldest first, at most {@code limit}: each is leased for {@code lease}, so that a
     * second sender skips it and a sender that dies while sending leaves it to be sent again when the lease ends.
     */
    public List<Delivery> claimDue(int limit, Duration lease) {
        return jdbc.sql("""
                        UPDATE federation_delivery SET next_attempt_at = now() + ? * interval '1 millisecond'
                        WHERE delivery_id IN (
                            SELECT delivery_id FROM federation_delivery
                            WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= now()
                            ORDER BY delivery_id LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING delivery_id, peer_id, event_id, event_type, subject, data, created_at, attempts""")
                .params(lease.toMillis(), limit)
                .query((row, n) -> new Delivery(row.getLong(1), row.getString(2), row.getString(3),
                        FederationType.of(row.getString(4)).orElseThrow(), row.getString(5), row.getString(6),
                        row.getObject(7, OffsetDateTime.class), row.getInt(8)))
                .list()
                .stream().sorted(Comparator.comparingLong(Delivery::id)).toList();
    }

    public void delivered(long id, int status) {
        jdbc.sql("""
                        UPDATE federation_delivery SET delivered_at = now(), attempts = attempts + 1, last_status = ?,
                            last_error = NULL
                        WHERE delivery_id = ?""")
                .params(status, id).update();
    }

    public void retryIn(long id, Duration delay, Integer status, String error) {
        jdbc.sql("""
                        UPDATE federation_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?,
                            next_attempt_at = now() + ? * interval '1 millisecond'
                        WHERE delivery_id = ?""")
                .params(status, shortened(error), delay.toMillis(), id).update();
    }

    public void abandon(long id, Integer status, String error) {
        jdbc.sql("""
                        UPDATE federation_delivery SET abandoned_at = now(), attempts = attempts + 1, last_status = ?,
                            last_error = ?
                        WHERE delivery_id = ?""")
                .params(status, shortened(error), id).update();
    }

    /** Puts the event off without counting an attempt: it was not tried. */
    public void postpone(long id, Duration delay) {
        jdbc.sql("""
                        UPDATE federation_delivery SET next_attempt_at = now() + ? * interval '1 millisecond'
                        WHERE delivery_id = ?""")
                .params(delay.toMillis(), id).update();
    }

    /** A peer's answer is kept for the operator, but not all of it: it is whatever answered at the peer's address. */
    private static String shortened(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000) + "…";
    }
}
