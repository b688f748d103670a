package io.opencloud.controlplane;

import io.opencloud.infra.test.SharedTestRuntime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks behind the API into the shared database, to check effects the API does not show. */
final class SharedTestRuntimeQueries {

    private SharedTestRuntimeQueries() {
    }

    static List<String> issuedMacaroons(String commandId) {
        return JdbcClient.create(SharedTestRuntime.dataSource())
                .sql("SELECT macaroon FROM issued_macaroon WHERE command_id = ?").param(commandId)
                .query(String.class).list();
    }
}
