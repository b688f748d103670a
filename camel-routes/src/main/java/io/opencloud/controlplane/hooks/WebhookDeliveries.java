package io.opencloud.controlplane.hooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook deliveries received inside the replay window, by source, delivery id and signature: the delivery id
 * is not covered by the signature, so a captured delivery resent under a new id is recognised by its signed body.
 */
@Repository
public class WebhookDeliveries {

    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a delivery; false when one with the same id or the same signed body was already recorded. */
    public boolean recordIfNew(String source, String deliveryId, String signature, String eventId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (source, delivery_id, signature, event_id, received_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(source, deliveryId, signature, eventId, Timestamp.from(now)).update() == 1;
    }

    /** The delivery recorded first with this id or this signed body. */
    public Optional<Recorded> earlier(String source, String deliveryId, String signature) {
        return jdbc.sql("""
                        SELECT event_id, received_at FROM webhook_delivery
                        WHERE source = ? AND (delivery_id = ? OR signature = ?) ORDER BY received_at LIMIT 1""")
                .params(source, deliveryId, signature)
                .query((rs, n) -> new Recorded(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    /** A delivery already recorded: the event it became and when it came. */
    public record Recorded(String eventId, Instant receivedAt) {
    }

    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM webhook_delivery WHERE received_at < ?").param(Timestamp.from(before)).update();
    }
}
