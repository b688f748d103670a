package io.opencloud.controlplane.access;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which tenant each stored object belongs to, and what a caller may therefore do with it: see and use its own tenant's
 * objects and those shared with its tenant ({@code tenant_share}), change only its own tenant's (a platform admin:
 * everyone's). Another tenant's object is answered as if it did not exist, so that nobody learns even that it does.
 */
@Repository
public class Ownership {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JdbcClient jdbc;

    public Ownership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Gives a newly created object to the caller's tenant, in the transaction that created it. */
    public void claim(Owned kind, String id, Caller caller) {
        jdbc.sql("UPDATE " + kind.table() + " SET tenant = ? WHERE " + kind.idColumn() + " = ?::uuid")
                .params(caller.tenant(), id).update();
    }

    public Optional<String> tenantOf(Owned kind, String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + kind.tenantExpression() + " FROM " + kind.table() + " t WHERE t."
                + kind.idColumn() + " = ?::uuid").param(id).query(String.class).optional();
    }

    /** Whether the caller may see and use the object: its tenant's, or shared with its tenant. */
    public boolean visible(Owned kind, String id, Caller caller) {
        if (caller.seesEveryTenant()) {
            return tenantOf(kind, id).isPresent();
        }
        return isUuid(id) && jdbc.sql("SELECT count(*) FROM " + kind.table() + " t WHERE t." + kind.idColumn()
                        + " = ?::uuid AND " + seenBy(kind))
                .params(id, caller.tenant(), kind.name(), caller.tenant()).query(Long.class).single() > 0;
    }

    /** Whether the caller may change the object: its tenant's own. */
    public boolean owns(Owned kind, String id, Caller caller) {
        return tenantOf(kind, id).filter(caller::sees).isPresent();
    }

    /** Shares the object with a tenant; false when it was shared already. */
    public boolean share(Owned kind, String id, String tenant, Caller caller) {
        return jdbc.sql("INSERT INTO tenant_share (kind, object_id, tenant, shared_by) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(kind.name(), id, tenant, caller.subject()).update() == 1;
    }

    /** Stops sharing the object with a tenant, if it was. */
    public void unshare(Owned kind, String id, String tenant) {
        jdbc.sql("DELETE FROM tenant_share WHERE kind = ? AND object_id = ? AND tenant = ?")
                .params(kind.name(), id, tenant).update();
    }

    /** The tenants the object is shared with. */
    public List<String> sharesOf(Owned kind, String id) {
        return jdbc.sql("SELECT tenant FROM tenant_share WHERE kind = ? AND object_id = ? ORDER BY tenant")
                .params(kind.name(), id).query(String.class).list();
    }

    /** The objects of a list the caller may see, in their order. */
    public <T> List<T> visibleOf(Owned kind, List<T> objects, Function<T, String> id, Caller caller) {
        if (caller.seesEveryTenant() || objects.isEmpty()) {
            return objects;
        }
        Set<String> ids = new HashSet<>(jdbc.sql("SELECT t." + kind.idColumn() + "::text FROM " + kind.table()
                + " t WHERE t." + kind.idColumn() + " = ANY(?::uuid[]) AND " + seenBy(kind))
                .params(objects.stream().map(id).toArray(String[]::new), caller.tenant(), kind.name(), caller.tenant())
                .query(String.class).list());
        return objects.stream().filter(object -> ids.contains(id.apply(object))).toList();
    }

    /**
     * A page of the ids of the objects the caller may see, in the given order (SQL over the row aliased {@code t}),
     * so that a page counts only what the caller sees; empty when the caller sees every tenant's.
     */
    public Optional<List<String>> visiblePage(Owned kind, Caller caller, String order, int limit, int offset) {
        if (caller.seesEveryTenant()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT t." + kind.idColumn() + "::text FROM " + kind.table() + " t WHERE "
                        + seenBy(kind) + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(caller.tenant(), kind.name(), caller.tenant(), limit, offset).query(String.class).list());
    }

    /* The rows (aliased t) a tenant sees: its own and those shared with it; parameters: tenant, kind, tenant. */
    private static String seenBy(Owned kind) {
        return "(" + kind.tenantExpression() + " = ? OR EXISTS (SELECT 1 FROM tenant_share s WHERE s.kind = ?"
                + " AND s.object_id = t." + kind.idColumn() + "::text AND s.tenant = ?))";
    }

    private static boolean isUuid(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }
}
