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
 * Which tenant each stored object belongs to, and what a caller may therefore see of it: its own tenant's objects
 * (a platform admin: everyone's). Another tenant's object is answered as if it did not exist, so that nobody learns
 * even that it does.
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

    public boolean visible(Owned kind, String id, Caller caller) {
        return tenantOf(kind, id).filter(caller::sees).isPresent();
    }

    /** The objects of a list the caller may see, in their order. */
    public <T> List<T> visibleOf(Owned kind, List<T> objects, Function<T, String> id, Caller caller) {
        if (caller.seesEveryTenant() || objects.isEmpty()) {
            return objects;
        }
        Set<String> ids = new HashSet<>(jdbc.sql("SELECT t." + kind.idColumn() + "::text FROM " + kind.table()
                + " t WHERE t." + kind.idColumn() + " = ANY(?::uuid[]) AND " + kind.tenantExpression() + " = ?")
                .params(objects.stream().map(id).toArray(String[]::new), caller.tenant()).query(String.class).list());
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
                        + kind.tenantExpression() + " = ? ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(caller.tenant(), limit, offset).query(String.class).list());
    }

    private static boolean isUuid(String id) {
        return id != null && UUID_TEXT.matcher(id).matches();
    }
}
