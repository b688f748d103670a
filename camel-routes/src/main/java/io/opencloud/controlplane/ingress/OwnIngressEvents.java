package io.opencloud.controlplane.ingress;

import io.cloudevents.CloudEvent;
import io.opencloud.functions.s3.Sha256;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events the control plane itself put on {@code opencloud.ingress} (cron pings, the backup sweep's triggers),
 * as its outbox recorded them when they left. The Kafka door takes an event as the control plane's own only when its
 * id, type and data are exactly those recorded: whoever else writes the topic can at most send one of them again,
 * which the ingress takes once anyway.
 */
@Repository
public class OwnIngressEvents {

    private final JdbcClient jdbc;

    public OwnIngressEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isOwn(CloudEvent event) {
        String sha256 = Sha256.of(event.getData() == null ? new byte[0] : event.getData().toBytes());
        return jdbc.sql("SELECT count(*) FROM own_ingress_event WHERE event_id = ? AND type = ? AND data_sha256 = ?")
                .params(event.getId(), event.getType(), sha256).query(Long.class).single() > 0;
    }

    /** Forgets the records of events older than {@code before}, long consumed. */
    public int prune(Instant before) {
        return jdbc.sql("DELETE FROM own_ingress_event WHERE created_at < ?").param(Timestamp.from(before)).update();
    }
}
