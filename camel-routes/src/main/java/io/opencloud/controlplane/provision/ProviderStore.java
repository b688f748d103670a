package io.opencloud.controlplane.provision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Provider instances in PostgreSQL ({@code provider}). */
@Repository
public class ProviderStore {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final String COLUMNS = "provider_id, name, template, description, inputs::text AS inputs, "
            + "connection_fields::text AS fields, connection, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProviderStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when the name is taken */
    public boolean insert(ProviderRow row) {
        return jdbc.sql("""
                        INSERT INTO provider (provider_id, name, template, description, inputs, connection_fields,
                            connection)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT (name) DO NOTHING""")
                .params(row.providerId(), row.name(), row.template(), row.description(),
                        json.writeValueAsString(row.inputs()), json.writeValueAsString(row.connectionFields()),
                        row.sealedConnection())
                .update() == 1;
    }

    public void update(ProviderRow row) {
        jdbc.sql("""
                        UPDATE provider SET description = ?, inputs = ?::jsonb, connection_fields = ?::jsonb,
                            connection = ?, updated_at = now()
                        WHERE provider_id = ?""")
                .params(row.description(), json.writeValueAsString(row.inputs()),
                        json.writeValueAsString(row.connectionFields()), row.sealedConnection(), row.providerId())
                .update();
    }

    /** Finds a provider by id or by name. */
    public Optional<ProviderRow> find(String idOrName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider WHERE provider_id::text = ? OR name = ?")
                .params(idOrName, idOrName).query(this::row).optional();
    }

    /** Finds a provider and locks it until the transaction ends. */
    public Optional<ProviderRow> lock(String idOrName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider WHERE provider_id::text = ? OR name = ? FOR UPDATE")
                .params(idOrName, idOrName).query(this::row).optional();
    }

    public List<ProviderRow> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider ORDER BY name").query(this::row).list();
    }

    public void delete(UUID providerId) {
        jdbc.sql("DELETE FROM provider WHERE provider_id = ?").param(providerId).update();
    }

    private ProviderRow row(ResultSet rs, int n) throws SQLException {
        return new ProviderRow(rs.getObject("provider_id", UUID.class), rs.getString("name"), rs.getString("template"),
                rs.getString("description"), json.readTree(rs.getString("inputs")),
                json.readValue(rs.getString("fields"), NAMES), rs.getBytes("connection"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
