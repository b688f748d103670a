package io.opencloud.controlplane.hooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook deliveries received inside the replay window, by source and delivery id. */
@Repository
public class WebhookDeliveries {

    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a delivery; false when one with the same id was already recorded. */
    public boolean record(String source, String deliveryId, String eventId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (source, delivery_id, event_id, received_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (source, delivery_id) DO NOTHING""")
                .params(source, deliveryId, eventId, Timestamp.from(now)).update() == 1;
    }

    public Optional<Instant> receivedAt(String source, String deliveryId) {
        return jdbc.sql("SELECT received_at FROM webhook_delivery WHERE source = ? AND delivery_id = ?")
                .params(source, deliveryId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM webhook_delivery WHERE received_at < ?").param(Timestamp.from(before)).update();
    }
}
