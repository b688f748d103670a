package io.opencloud.functions.market;

import io.opencloud.functions.OperationFailedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The index of marketplace apps ({@code market_app}); the bytes and manifests are in the marketplace's bucket. */
@Repository
public class MarketApps {

    private static final String COLUMNS = "app_id, marketplace_id, name, type, description, publisher, version, state,"
            + " manifest::text AS manifest, size_bytes, sha256, import_saga, root_app_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MarketApps(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Indexes an import's apps IMPORTING, all or none; apps already indexed (a redelivered command) are kept. */
    @Transactional
    public void insertAll(List<AppRecord> apps) {
        for (AppRecord app : apps) {
            jdbc.sql("""
                            INSERT INTO market_app (app_id, marketplace_id, name, type, description, publisher, version,
                                state, manifest, import_saga, root_app_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'IMPORTING', ?::jsonb, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(UUID.fromString(app.appId()), UUID.fromString(app.marketplaceId()), app.name(), app.type(),
                            app.description(), app.publisher(), app.version(), json.writeValueAsString(app.manifest()),
                            app.importSaga(), UUID.fromString(app.rootAppId()))
                    .update();
        }
    }

    public Optional<AppRecord> find(String appId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM market_app WHERE app_id = ?").param(UUID.fromString(appId))
                .query(this::row).optional();
    }

    /** The app when it is READY. */
    public AppRecord requireReady(String appId) {
        AppRecord app = find(appId).orElseThrow(() -> new OperationFailedException("app " + appId
                + " is not in any marketplace", false));
        if (!AppRecord.READY.equals(app.state())) {
            throw new OperationFailedException("app " + appId + " is not READY (" + app.state() + ")", false);
        }
        return app;
    }

    public List<AppRecord> list(String marketplaceId, String type) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM market_app WHERE (?::uuid IS NULL OR marketplace_id = ?::uuid)"
                        + " AND (?::text IS NULL OR type = ?) ORDER BY created_at, app_id")
                .params(marketplaceId, marketplaceId, type, type).query(this::row).list();
    }

    public List<AppRecord> importedBy(String sagaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM market_app WHERE import_saga = ? ORDER BY app_id").param(sagaId)
                .query(this::row).list();
    }

    /** The app and, when it is the app its import was asked for, every other app that import created for it. */
    public List<AppRecord> withOwnApps(AppRecord app) {
        if (!app.isRoot()) {
            return List.of(app);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM market_app WHERE root_app_id = ? ORDER BY app_id")
                .param(UUID.fromString(app.appId())).query(this::row).list();
    }

    /** Whether one of the apps is a VM's current backup (BACKUP_MARKETPLACE_APP_ID). */
    public boolean holdsABackup(List<AppRecord> apps) {
        String[] ids = apps.stream().map(AppRecord::appId).toArray(String[]::new);
        return jdbc.sql("SELECT count(*) FROM compute_vm WHERE backup_app_id = ANY(?::uuid[])").param(ids)
                .query(Long.class).single() > 0;
    }

    public void recordUpload(String appId, long sizeBytes, String sha256, JsonNode manifest) {
        jdbc.sql("UPDATE market_app SET size_bytes = ?, sha256 = ?, manifest = ?::jsonb, updated_at = now()"
                        + " WHERE app_id = ?")
                .params(sizeBytes, sha256, json.writeValueAsString(manifest), UUID.fromString(appId)).update();
    }

    /** Makes every app of an import READY with its final manifest, all or none. */
    @Transactional
    public void publish(List<AppRecord> apps) {
        for (AppRecord app : apps) {
            jdbc.sql("UPDATE market_app SET state = 'READY', manifest = ?::jsonb, size_bytes = ?, sha256 = ?,"
                            + " updated_at = now() WHERE app_id = ?")
                    .params(json.writeValueAsString(app.manifest()), app.sizeBytes(), app.sha256(),
                            UUID.fromString(app.appId()))
                    .update();
        }
    }

    public void markDeleting(List<AppRecord> apps) {
        for (AppRecord app : apps) {
            jdbc.sql("UPDATE market_app SET state = 'DELETING', updated_at = now() WHERE app_id = ?")
                    .param(UUID.fromString(app.appId())).update();
        }
    }

    public void delete(String appId) {
        jdbc.sql("DELETE FROM market_app WHERE app_id = ?").param(UUID.fromString(appId)).update();
    }

    private AppRecord row(ResultSet rs, int n) throws SQLException {
        long size = rs.getLong("size_bytes");
        return new AppRecord(rs.getString("app_id"), rs.getString("marketplace_id"), rs.getString("name"),
                rs.getString("type"), rs.getString("description"), rs.getString("publisher"), rs.getString("version"),
                rs.getString("state"), json.readTree(rs.getString("manifest")), rs.wasNull() ? null : size,
                rs.getString("sha256"), rs.getString("import_saga"), rs.getString("root_app_id"));
    }
}
