package io.opencloud.functions.compute;

import io.opencloud.events.DerivedIds;
import io.opencloud.events.Topics;
import io.opencloud.events.TriggerType;
import io.opencloud.functions.outbox.OutboxRow;
import io.opencloud.functions.outbox.OutboxRows;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims the VMs whose backup is due and asks for a backup of each, in one transaction: each VM is marked with the
 * saga its backup will run in, and a {@code io.opencloud.compute.backup.requested.v1} trigger goes to
 * {@code opencloud.ingress} through the outbox. A claimed VM is not claimed again until its saga ends (or, if it
 * never reports back, after {@code stale-after}); rows another sweep holds are skipped rather than waited for. The
 * trigger's id derives from the VM and the claim's time: a sweep delivered twice finds the VM claimed already, and a
 * backup after a failed one is a new saga.
 */
@Repository
public class DueBackups {

    static final String SOURCE = "/opencloud/functions/compute";

    private final JdbcClient jdbc;
    private final OutboxRows outbox;
    private final JsonMapper json;

    public DueBackups(JdbcClient jdbc, OutboxRows outbox, JsonMapper json) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
    }

    /** Claims at most {@code limit} due VMs; answers how many, and whether more were due. */
    @Transactional
    public BackupsStarted claim(int limit, Duration staleAfter, Instant now) {
        List<Due> due = jdbc.sql("""
                        SELECT vm_id, backup_marketplace_id FROM compute_vm
                        WHERE backup_due_at <= ? AND backup_marketplace_id IS NOT NULL
                          AND (backup_saga IS NULL OR backup_started_at < ?)
                        ORDER BY backup_due_at
                        LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), Timestamp.from(now.minus(staleAfter)), limit + 1)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2)))
                .list();
        List<Due> claimed = due.subList(0, Math.min(limit, due.size()));
        start(claimed, now);
        return new BackupsStarted(claimed.size(), due.size() > limit);
    }

    /**
     * Claims one VM for a backup now, whatever its schedule, in saga {@code sagaId}, which the caller starts in the
     * same transaction; answers the VM's backup marketplace, or nothing when there is no such VM.
     *
     * @throws IllegalStateException when the VM has no backup marketplace or a backup of it is under way
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> claimNow(String vmId, String sagaId, Duration staleAfter, Instant now) {
        Optional<Claim> claim = jdbc.sql("""
                        SELECT backup_marketplace_id, backup_saga, backup_started_at FROM compute_vm
                        WHERE vm_id = ? FOR UPDATE""")
                .param(UUID.fromString(vmId))
                .query((rs, n) -> new Claim(rs.getString(1), rs.getString(2), rs.getTimestamp(3)))
                .optional();
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        if (claim.get().marketplaceId() == null) {
            throw new IllegalStateException("VM " + vmId + " has no BACKUP_MARKETPLACE_ID");
        }
        if (claim.get().saga() != null && claim.get().startedAt().toInstant().isAfter(now.minus(staleAfter))) {
            throw new IllegalStateException("VM " + vmId + " is being backed up by saga " + claim.get().saga());
        }
        jdbc.sql("UPDATE compute_vm SET backup_saga = ?, backup_started_at = ? WHERE vm_id = ?")
                .params(sagaId, Timestamp.from(now), UUID.fromString(vmId)).update();
        return Optional.of(claim.get().marketplaceId());
    }

    /* Marks the VMs and emits their triggers in three statements however many there are. */
    private void start(List<Due> vms, Instant now) {
        List<String> sagaIds = new ArrayList<>();
        List<OutboxRow> triggers = new ArrayList<>();
        for (Due vm : vms) {
            String eventId = DerivedIds.of("backup", vm.vmId(), now.toString());
            sagaIds.add(DerivedIds.of(SOURCE, eventId));
            String data = json.writeValueAsString(json.createObjectNode().put("vmId", vm.vmId())
                    .put("marketplaceId", vm.marketplaceId()));
            triggers.add(new OutboxRow(eventId, "backup", vm.vmId(), TriggerType.BACKUP_VM.type(), Topics.INGRESS,
                    data, SOURCE, vm.vmId(), now.toString(), null, null));
        }
        jdbc.sql("""
                        UPDATE compute_vm SET backup_saga = claimed.saga, backup_started_at = ?
                        FROM unnest(?::uuid[], ?::text[]) AS claimed(vm_id, saga)
                        WHERE compute_vm.vm_id = claimed.vm_id""")
                .params(Timestamp.from(now), vms.stream().map(Due::vmId).toArray(String[]::new),
                        sagaIds.toArray(String[]::new))
                .update();
        outbox.emitAll(triggers);
    }

    private record Claim(String marketplaceId, String saga, Timestamp startedAt) {
    }

    private record Due(String vmId, String marketplaceId) {
    }
}
