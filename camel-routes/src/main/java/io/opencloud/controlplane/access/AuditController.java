package io.opencloud.controlplane.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /audit}: who changed what, newest first, filtered by principal, tenant, action and time. A tenant's
 * admins read their tenant's entries; platform admins read everyone's.
 */
@RestController
public class AuditController {

    private final JdbcClient jdbc;

    public AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audited request. */
    public record Entry(long id, Instant at, String principal, String tenant, String client, String address,
                        String action, String target, int status) {
    }

    @GetMapping("/audit")
    @Requires(Role.ADMIN)
    public List<Entry> list(Caller caller, @RequestParam Optional<String> principal,
                            @RequestParam Optional<String> tenant, @RequestParam Optional<String> action,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> since,
                            @RequestParam(defaultValue = "100") int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, principal, tenant, client, address, action, target, status FROM audit WHERE true""");
        List<Object> params = new ArrayList<>();
        Optional<String> scope = caller.platformAdmin() ? tenant : Optional.of(caller.tenant());
        scope.ifPresent(t -> add(sql, params, " AND tenant = ?", t));
        principal.ifPresent(p -> add(sql, params, " AND principal = ?", p));
        action.ifPresent(a -> add(sql, params, " AND action LIKE ?", a + "%"));
        since.ifPresent(s -> add(sql, params, " AND at >= ?", Timestamp.from(s)));
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(Math.clamp(limit, 1, 1000));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Entry(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getInt(9))).list();
    }

    private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
        sql.append(clause);
        params.add(value);
    }
}
