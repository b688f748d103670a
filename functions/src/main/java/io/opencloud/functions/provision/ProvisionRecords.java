package io.opencloud.functions.provision;

import io.opencloud.functions.OperationFailedException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads provisions ({@code provision}) for the functions, and guards them against sagas that do not own them. */
@Repository
public class ProvisionRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProvisionRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ProvisionRecord> find(String provisionId) {
        return jdbc.sql("""
                        SELECT provision_id, name, driver, provider_id, terraform_config::text AS config, current_saga
                        FROM provision WHERE provision_id = ?""")
                .param(UUID.fromString(provisionId))
                .query((rs, n) -> new ProvisionRecord(rs.getString("provision_id"), rs.getString("name"),
                        rs.getString("driver"), Optional.ofNullable(rs.getObject("provider_id", UUID.class)),
                        json.readTree(rs.getString("config")), rs.getString("current_saga")))
                .optional();
    }

    /**
     * The provision, when the saga is the one allowed to run Terraform on it.
     *
     * @throws OperationFailedException (not retryable) when the provision is unknown or another saga owns it
     */
    public ProvisionRecord owned(String provisionId, String sagaId) {
        ProvisionRecord record = find(provisionId).orElseThrow(() -> new OperationFailedException(
                "there is no provision " + provisionId, false));
        if (!sagaId.equals(record.currentSaga())) {
            throw new OperationFailedException("provision " + provisionId + " is driven by saga " + record.currentSaga()
                    + ", not by saga " + sagaId, false);
        }
        return record;
    }
}
