package io.opencloud.controlplane.federation.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.opencloud.controlplane.federation.TextArrays;
import io.opencloud.controlplane.access.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** This control plane's own resources and the networks each is shared with. */
@Repository
public class CatalogResources {

    private static final String SELECT = """
            SELECT r.name, r.kind, r.card::text AS card, r.inputs::text AS inputs, r.created_at, r.updated_at,
                   array_remove(array_agg(s.network_id ORDER BY s.network_id), NULL) AS networks
            FROM catalog_resource r LEFT JOIN catalog_resource_share s USING (name)
            """;

    /** An own resource with the networks it is shared with. */
    public record OwnResource(@JsonUnwrapped ResourceSpec spec, List<String> sharedWith, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CatalogResources(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<OwnResource> all() {
        return jdbc.sql(SELECT + " GROUP BY r.name ORDER BY r.name").query((row, n) -> own(row)).list();
    }

    public Optional<OwnResource> find(String name) {
        return jdbc.sql(SELECT + " WHERE r.name = ? GROUP BY r.name").param(name).query((row, n) -> own(row))
                .optional();
    }

    /** The resources shared with a network, as announced to its members. */
    public List<ResourceSpec> sharedWith(String networkId) {
        return jdbc.sql("""
                        SELECT r.name, r.kind, r.card::text AS card, r.inputs::text AS inputs
                        FROM catalog_resource r JOIN catalog_resource_share s USING (name)
                        WHERE s.network_id = ? ORDER BY r.name""")
                .param(networkId)
                .query((row, n) -> spec(row))
                .list();
    }

    /** The tenant that published each of this control plane's own resources, by name. */
    public Map<String, String> tenants() {
        Map<String, String> tenants = new HashMap<>();
        jdbc.sql("SELECT name, coalesce(tenant, ?) FROM catalog_resource").param(Caller.PLATFORM_TENANT)
                .query((rs, n) -> tenants.put(rs.getString(1), rs.getString(2))).list();
        return tenants;
    }

    /** The tenant that published one of this control plane's own resources, if there is one of that name. */
    public Optional<String> tenantOf(String name) {
        return jdbc.sql("SELECT coalesce(tenant, ?) FROM catalog_resource WHERE name = ?")
                .params(Caller.PLATFORM_TENANT, name).query(String.class).optional();
    }

    /** Creates the resource for a tenant, or replaces it, and its shares. */
    public void save(ResourceSpec spec, Set<String> networks, String tenant) {
        jdbc.sql("""
                        INSERT INTO catalog_resource (name, kind, card, inputs, tenant) VALUES (?, ?, ?::jsonb, ?::jsonb, ?)
                        ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, card = excluded.card,
                            inputs = excluded.inputs, updated_at = now()""")
                .params(spec.name(), spec.kind(), spec.card().toString(), spec.inputs().toString(), tenant).update();
        jdbc.sql("DELETE FROM catalog_resource_share WHERE name = ?").param(spec.name()).update();
        for (String network : networks) {
            jdbc.sql("INSERT INTO catalog_resource_share (name, network_id) VALUES (?, ?)")
                    .params(spec.name(), network).update();
        }
    }

    public void delete(String name) {
        jdbc.sql("DELETE FROM catalog_resource WHERE name = ?").param(name).update();
    }

    private OwnResource own(ResultSet row) throws SQLException {
        return new OwnResource(spec(row), TextArrays.of(row, "networks"),
                row.getObject("created_at", OffsetDateTime.class), row.getObject("updated_at", OffsetDateTime.class));
    }

    private ResourceSpec spec(ResultSet row) throws SQLException {
        return new ResourceSpec(row.getString("name"), row.getString("kind"), json.readTree(row.getString("card")),
                json.readTree(row.getString("inputs")));
    }
}
