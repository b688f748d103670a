package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The service templates of the compute inventory ({@code compute_service_template}). */
@Repository
public class ServiceTemplates {

    private static final String COLUMNS = "service_template_id, name, description, body::text AS body, created_by_saga";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ServiceTemplates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the service template; one already there under its id (a redelivered command) is kept as it is. */
    public void insert(ServiceTemplateRecord template) {
        jdbc.sql("INSERT INTO compute_service_template (service_template_id, name, description, body, created_by_saga)"
                        + " VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING")
                .params(UUID.fromString(template.serviceTemplateId()), template.name(), template.description(),
                        json.writeValueAsString(template.body()), template.createdBySaga())
                .update();
    }

    public Optional<ServiceTemplateRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_service_template WHERE service_template_id = ?")
                .param(UUID.fromString(id)).query(this::row).optional();
    }

    public ServiceTemplateRecord require(String id) {
        return find(id).orElseThrow(() -> new OperationFailedException("service template " + id + " does not exist",
                false));
    }

    public List<ServiceTemplateRecord> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_service_template ORDER BY created_at, service_template_id")
                .query(this::row).list();
    }

    public List<ServiceTemplateRecord> createdBy(String sagaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_service_template WHERE created_by_saga = ?").param(sagaId)
                .query(this::row).list();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM compute_service_template WHERE service_template_id = ?").param(UUID.fromString(id))
                .update();
    }

    private ServiceTemplateRecord row(ResultSet rs, int n) throws SQLException {
        return new ServiceTemplateRecord(rs.getString("service_template_id"), rs.getString("name"),
                rs.getString("description"), json.readTree(rs.getString("body")), rs.getString("created_by_saga"));
    }
}
