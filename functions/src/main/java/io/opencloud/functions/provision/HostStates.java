package io.opencloud.functions.provision;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state of each host of a provision ({@code provision_host}), as its last check found it. */
@Repository
public class HostStates {

    private final JdbcClient jdbc;

    public HostStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String provisionId, String host, String state, String detail) {
        jdbc.sql("""
                        INSERT INTO provision_host (provision_id, name, state, detail, checked_at)
                        VALUES (?, ?, ?, ?, now())
                        ON CONFLICT (provision_id, name) DO UPDATE
                        SET state = excluded.state, detail = excluded.detail, checked_at = excluded.checked_at""")
                .params(UUID.fromString(provisionId), host, state, detail).update();
    }
}
