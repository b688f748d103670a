package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VMs of the compute inventory ({@code compute_vm}) and their backup attributes. {@code backup_due_at} is kept
 * here, by every change of the last copy time or the frequency, so that the sweep reads the due VMs off one index.
 */
@Repository
public class Vms {

    private static final String COLUMNS = "vm_id, name, driver, template_id, state, template::text AS template,"
            + " disks::text AS disks, attributes::text AS attributes, backup_frequency_seconds, backup_marketplace_id,"
            + " backup_last_copy_time, backup_app_id, backup_saga, backup_result, backup_error, created_by_saga";
    private static final TypeReference<List<VmDisk>> DISKS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Vms(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the VM; one already there under its id (a redelivered command) is kept as it is. */
    public void insert(VmRecord vm) {
        VmBackup backup = vm.backup();
        jdbc.sql("""
                        INSERT INTO compute_vm (vm_id, name, driver, template_id, state, template, disks, attributes,
                            backup_frequency_seconds, backup_marketplace_id, backup_due_at, created_by_saga)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?,
                            CASE WHEN ?::bigint IS NULL THEN NULL ELSE now() END, ?)
                        ON CONFLICT DO NOTHING""")
                .params(UUID.fromString(vm.vmId()), vm.name(), vm.driver(), uuid(vm.templateId()), vm.state(),
                        json.writeValueAsString(vm.template()), json.writeValueAsString(vm.disks()),
                        json.writeValueAsString(vm.attributes()), backup.frequencySeconds(),
                        uuid(backup.marketplaceId()), backup.frequencySeconds(), vm.createdBySaga())
                .update();
    }

    public Optional<VmRecord> find(String vmId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_vm WHERE vm_id = ?").param(UUID.fromString(vmId))
                .query(this::row).optional();
    }

    public VmRecord require(String vmId) {
        return find(vmId).orElseThrow(() -> new OperationFailedException("VM " + vmId + " does not exist", false));
    }

    public List<VmRecord> list(int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_vm ORDER BY created_at, vm_id LIMIT ? OFFSET ?")
                .params(limit, offset).query(this::row).list();
    }

    public List<VmRecord> createdBy(String sagaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_vm WHERE created_by_saga = ?").param(sagaId)
                .query(this::row).list();
    }

    public void delete(String vmId) {
        jdbc.sql("DELETE FROM compute_vm WHERE vm_id = ?").param(UUID.fromString(vmId)).update();
    }

    /** Sets BACKUP_FREQUENCY_SECONDS and BACKUP_MARKETPLACE_ID (null frequency: no backups); answers whether the VM exists. */
    public boolean setBackupSchedule(String vmId, Long frequencySeconds, String marketplaceId) {
        return jdbc.sql("""
                        UPDATE compute_vm SET backup_frequency_seconds = ?, backup_marketplace_id = ?,
                            backup_due_at = CASE WHEN ?::bigint IS NULL THEN NULL
                                WHEN backup_last_copy_time IS NULL THEN now()
                                ELSE backup_last_copy_time + make_interval(secs => ?::bigint) END
                        WHERE vm_id = ?""")
                .params(frequencySeconds, uuid(marketplaceId), frequencySeconds, frequencySeconds,
                        UUID.fromString(vmId))
                .update() == 1;
    }

    /**
     * Makes {@code appId} the VM's backup, copied now. Recording the same app again (a redelivered command) changes
     * nothing and answers what the first recording answered.
     */
    @Transactional
    public BackupRecorded recordBackup(String vmId, String appId) {
        BackupRecorded recorded = jdbc.sql("""
                        SELECT backup_app_id, backup_previous_app_id, backup_last_copy_time
                        FROM compute_vm WHERE vm_id = ? FOR UPDATE""")
                .param(UUID.fromString(vmId))
                .query((rs, n) -> new BackupRecorded(vmId, rs.getString("backup_app_id"),
                        rs.getString("backup_previous_app_id"), String.valueOf(instant(rs, "backup_last_copy_time"))))
                .optional().orElseThrow(() -> new OperationFailedException("VM " + vmId + " does not exist", false));
        if (appId.equals(recorded.appId())) {
            return recorded;
        }
        boolean ready = jdbc.sql("SELECT 1 FROM market_app WHERE app_id = ? AND state = 'READY' FOR SHARE")
                .param(UUID.fromString(appId)).query().listOfRows().size() == 1;
        if (!ready) {
            throw new OperationFailedException("app " + appId + " is not READY in its marketplace; it cannot be VM "
                    + vmId + "'s backup", false);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        UPDATE compute_vm SET backup_previous_app_id = backup_app_id,
                            backup_previous_copy = backup_last_copy_time, backup_app_id = ?, backup_last_copy_time = ?,
                            backup_due_at = CASE WHEN backup_frequency_seconds IS NULL THEN NULL
                                ELSE ?::timestamptz + make_interval(secs => backup_frequency_seconds) END
                        WHERE vm_id = ?""")
                .params(UUID.fromString(appId), Timestamp.from(now), Timestamp.from(now), UUID.fromString(vmId))
                .update();
        return new BackupRecorded(vmId, appId, recorded.appId(), now.toString());
    }

    /**
     * Gives the VM back the backup {@code appId} replaced, when its backup is still {@code appId} and the one it
     * replaced is still READY (a prune that failed half-way may have started deleting it; then the VM keeps the newer
     * one). The VM is due again at once. Answers the VM's backup app afterwards.
     */
    @Transactional
    public Optional<String> unrecordBackup(String vmId, String appId) {
        jdbc.sql("""
                        UPDATE compute_vm SET backup_app_id = backup_previous_app_id,
                            backup_last_copy_time = backup_previous_copy,
                            backup_previous_app_id = NULL, backup_previous_copy = NULL,
                            backup_due_at = CASE WHEN backup_frequency_seconds IS NULL THEN NULL ELSE now() END
                        WHERE vm_id = ? AND backup_app_id = ?
                          AND (backup_previous_app_id IS NULL OR EXISTS (SELECT 1 FROM market_app
                              WHERE app_id = backup_previous_app_id AND state = 'READY'))""")
                .params(UUID.fromString(vmId), UUID.fromString(appId))
                .update();
        return jdbc.sql("SELECT backup_app_id FROM compute_vm WHERE vm_id = ?").param(UUID.fromString(vmId))
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(app -> app);
    }

    /**
     * A backup saga ended: the VM is free for the next one, and says how this one went. After a failure the VM is due
     * again in {@code retryAfter}, or one frequency if that is shorter, rather than at the next sweep.
     */
    public void finishBackup(String sagaId, String result, String error, Duration retryAfter) {
        jdbc.sql("""
                        UPDATE compute_vm SET backup_saga = NULL, backup_started_at = NULL, backup_result = ?,
                            backup_error = ?,
                            backup_due_at = CASE WHEN ?::text = 'FAILED' AND backup_frequency_seconds IS NOT NULL
                                THEN now() + make_interval(secs => least(backup_frequency_seconds, ?::bigint))
                                ELSE backup_due_at END
                        WHERE backup_saga = ?""")
                .params(result, error, result, retryAfter.toSeconds(), sagaId)
                .update();
    }

    private VmRecord row(ResultSet rs, int n) throws SQLException {
        long frequency = rs.getLong("backup_frequency_seconds");
        VmBackup backup = new VmBackup(rs.wasNull() ? null : frequency, rs.getString("backup_marketplace_id"),
                instant(rs, "backup_last_copy_time"), rs.getString("backup_app_id"), rs.getString("backup_saga"),
                rs.getString("backup_result"), rs.getString("backup_error"));
        return new VmRecord(rs.getString("vm_id"), rs.getString("name"), rs.getString("driver"),
                rs.getString("template_id"), rs.getString("state"), json.readTree(rs.getString("template")),
                json.readValue(rs.getString("disks"), DISKS), json.readTree(rs.getString("attributes")), backup,
                rs.getString("created_by_saga"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
