package io.opencloud.controlplane.federation;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The peer events already acted on, by signer and id, so that none is acted on twice. */
@Repository
public class ReceivedPeerEvents {

    private final JdbcClient jdbc;

    public ReceivedPeerEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; false when it was recorded before. */
    public boolean recordOnce(String signer, String eventId, String type) {
        return jdbc.sql("""
                        INSERT INTO federation_received (signer, event_id, event_type) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(signer, eventId, type).update() == 1;
    }

    public Optional<OffsetDateTime> receivedAt(String signer, String eventId) {
        return jdbc.sql("SELECT received_at FROM federation_received WHERE signer = ? AND event_id = ?")
                .params(signer, eventId).query(OffsetDateTime.class).optional();
    }

    public void forgetOlderThan(Duration age) {
        jdbc.sql("DELETE FROM federation_received WHERE received_at < ?")
                .param(Timestamp.from(Instant.now().minus(age))).update();
    }
}
