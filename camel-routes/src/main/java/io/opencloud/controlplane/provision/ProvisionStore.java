package io.opencloud.controlplane.provision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import io.opencloud.controlplane.access.Owned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Provisions in PostgreSQL ({@code provision}), with their hosts' states and their saved Terraform states. */
@Repository
public class ProvisionStore {

    private static final String COLUMNS = "provision_id, name, provider_id, provider_name, driver, state, owner_name, "
            + "group_name, spec::text AS spec, terraform_config::text AS config, current_saga, error, created_at, "
            + "updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProvisionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(ProvisionRow row) {
        jdbc.sql("""
                        INSERT INTO provision (provision_id, name, provider_id, provider_name, driver, state, owner_name,
                            group_name, spec, terraform_config, current_saga)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")
                .params(row.provisionId(), row.name(), row.providerId(), row.providerName(), row.driver(),
                        row.state().name(), row.owner(), row.group(), json.writeValueAsString(row.spec()),
                        json.writeValueAsString(row.terraformConfig()), row.currentSaga())
                .update();
    }

    public Optional<ProvisionRow> find(UUID provisionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provision WHERE provision_id = ?").param(provisionId)
                .query(this::row).optional();
    }

    public Optional<ProvisionRow> lock(UUID provisionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provision WHERE provision_id = ? FOR UPDATE").param(provisionId)
                .query(this::row).optional();
    }

    /** The newest provisions, of one tenant or (empty) of all. */
    public List<ProvisionRow> list(Optional<String> tenant, Optional<String> owner, Optional<String> group,
                                   Optional<ProvisionState> state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provision t WHERE (?::text IS NULL OR "
                        + Owned.PROVISION.tenantExpression() + " = ?)" + """
                          AND (?::text IS NULL OR owner_name = ?) AND (?::text IS NULL OR group_name = ?)
                          AND (?::text IS NULL OR state = ?)
                        ORDER BY created_at DESC LIMIT ?""")
                .params(tenant.orElse(null), tenant.orElse(null), owner.orElse(null), owner.orElse(null),
                        group.orElse(null), group.orElse(null), state.map(Enum::name).orElse(null),
                        state.map(Enum::name).orElse(null), limit)
                .query(this::row).list();
    }

    /** Hands the provision to another saga, the only one its functions will then serve. */
    public void handTo(UUID provisionId, String sagaId) {
        jdbc.sql("UPDATE provision SET current_saga = ?, updated_at = now() WHERE provision_id = ?")
                .params(sagaId, provisionId).update();
    }

    /** Moves the provision its saga drives to a new state; a saga that lost the provision moves nothing. */
    public void follow(String sagaId, ProvisionState state, String error) {
        jdbc.sql("""
                        UPDATE provision SET state = ?, error = ?, updated_at = now()
                        WHERE current_saga = ? AND (state <> ? OR error IS DISTINCT FROM ?)""")
                .params(state.name(), error, sagaId, state.name(), error).update();
    }

    /** The state each checked host was found in: name to {@code {state, detail, checkedAt}}. */
    public Map<String, HostCheck> hostChecks(UUID provisionId) {
        return jdbc.sql("SELECT name, state, detail, checked_at FROM provision_host WHERE provision_id = ?")
                .param(provisionId)
                .query((rs, n) -> new HostCheck(rs.getString("name"), rs.getString("state"), rs.getString("detail"),
                        rs.getTimestamp("checked_at").toInstant()))
                .list().stream().collect(Collectors.toMap(HostCheck::name, check -> check));
    }

    /** Every saved Terraform state of the provision, newest first, without the states themselves. */
    public List<Map<String, Object>> stateVersions(UUID provisionId) {
        return jdbc.sql("""
                        SELECT version, command, outcome, serial, lineage, resources, sha256, object_key, saved_at
                        FROM provision_state_version WHERE provision_id = ? ORDER BY version DESC""")
                .param(provisionId).query((rs, n) -> {
                    Map<String, Object> version = new LinkedHashMap<>();
                    version.put("version", rs.getInt("version"));
                    version.put("command", rs.getString("command"));
                    version.put("outcome", rs.getString("outcome"));
                    version.put("resources", rs.getInt("resources"));
                    version.put("serial", rs.getLong("serial"));
                    version.put("lineage", rs.getString("lineage"));
                    version.put("sha256", rs.getString("sha256"));
                    version.put("objectKey", rs.getString("object_key"));
                    version.put("savedAt", instant(rs.getTimestamp("saved_at")));
                    return version;
                })
                .list();
    }

    /**
     * Provisions that are not live (ERROR or DONE) but whose latest saved state still holds resources, with how many,
     * leaving out those a saga is working on.
     */
    public List<Orphan> orphans() {
        return jdbc.sql("""
                        SELECT p.provision_id, p.name, p.state, p.error, v.resources, v.version
                        FROM provision p
                        JOIN LATERAL (SELECT resources, version FROM provision_state_version sv
                                      WHERE sv.provision_id = p.provision_id ORDER BY version DESC LIMIT 1) v ON true
                        LEFT JOIN saga s ON s.saga_id = p.current_saga
                        WHERE p.state IN ('ERROR', 'DONE') AND v.resources > 0
                          AND (s.status IS NULL OR s.status NOT IN ('RUNNING', 'COMPENSATING'))
                        ORDER BY p.created_at""")
                .query((rs, n) -> new Orphan(rs.getObject("provision_id", UUID.class), rs.getString("name"),
                        rs.getString("state"), rs.getString("error"), rs.getInt("resources"), rs.getInt("version")))
                .list();
    }

    public List<UUID> ids() {
        return jdbc.sql("SELECT provision_id FROM provision").query(UUID.class).list();
    }

    private ProvisionRow row(ResultSet rs, int n) throws SQLException {
        return new ProvisionRow(rs.getObject("provision_id", UUID.class), rs.getString("name"),
                rs.getObject("provider_id", UUID.class), rs.getString("provider_name"), rs.getString("driver"),
                ProvisionState.valueOf(rs.getString("state")), rs.getString("owner_name"), rs.getString("group_name"),
                json.readTree(rs.getString("spec")), json.readTree(rs.getString("config")),
                rs.getString("current_saga"), rs.getString("error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** What the last check of a host found. */
    public record HostCheck(String name, String state, String detail, Instant checkedAt) {
    }

    /** A provision that is not live but still has resources in its state. */
    public record Orphan(UUID provisionId, String name, String state, String error, int resources, int stateVersion) {
    }
}
