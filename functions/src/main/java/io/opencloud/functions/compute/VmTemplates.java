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

/** The VM templates of the compute inventory ({@code compute_vm_template}). */
@Repository
public class VmTemplates {

    private static final String COLUMNS = "template_id, name, body::text AS body, created_by_saga";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public VmTemplates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the template; one already there under its id (a redelivered command) is kept as it is. */
    public void insert(VmTemplateRecord template) {
        jdbc.sql("INSERT INTO compute_vm_template (template_id, name, body, created_by_saga)"
                        + " VALUES (?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING")
                .params(UUID.fromString(template.templateId()), template.name(),
                        json.writeValueAsString(template.body()), template.createdBySaga())
                .update();
    }

    public Optional<VmTemplateRecord> find(String templateId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_vm_template WHERE template_id = ?")
                .param(UUID.fromString(templateId)).query(this::row).optional();
    }

    public VmTemplateRecord require(String templateId) {
        return find(templateId).orElseThrow(() -> new OperationFailedException("VM template " + templateId
                + " does not exist", false));
    }

    public List<VmTemplateRecord> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_vm_template ORDER BY created_at, template_id")
                .query(this::row).list();
    }

    public List<VmTemplateRecord> createdBy(String sagaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_vm_template WHERE created_by_saga = ?").param(sagaId)
                .query(this::row).list();
    }

    public void delete(String templateId) {
        jdbc.sql("DELETE FROM compute_vm_template WHERE template_id = ?").param(UUID.fromString(templateId)).update();
    }

    private VmTemplateRecord row(ResultSet rs, int n) throws SQLException {
        return new VmTemplateRecord(rs.getString("template_id"), rs.getString("name"),
                json.readTree(rs.getString("body")), rs.getString("created_by_saga"));
    }
}
