package io.opencloud.functions.compute;

import java.time.Instant;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The backup sweep: starts one {@code backup-vm} saga per VM whose last copy is older than its
 * BACKUP_FREQUENCY_SECONDS, and does nothing else, so it returns fast at any inventory size and never holds up other
 * scheduled work. A VM whose backup is under way is not started twice.
 *
 * <p>Consumes {@code io.opencloud.compute.sweep.requested.v1} (sent by the {@code backup-sweep} cron schedule);
 * produces {@code io.opencloud.compute.sweep.completed.v1}, or {@code io.opencloud.compute.sweep.failed.v1} when the
 * inventory could not be read (retryable). Emits {@code io.opencloud.compute.backup.requested.v1} on
 * {@code opencloud.ingress} for each VM started. Idempotent: a VM it claimed is not claimed again while its backup
 * runs, and the trigger's id derives from the VM and the time it fell due.
 */
@Component("backupSweep")
public class BackupSweepFunction implements Function<Message<BackupSweepRequest>, BackupsStarted> {

    private final DueBackups due;
    private final ComputeProperties properties;

    public BackupSweepFunction(DueBackups due, ComputeProperties properties) {
        this.due = due;
        this.properties = properties;
    }

    @Override
    public BackupsStarted apply(Message<BackupSweepRequest> command) {
        Integer limit = command.getPayload().limit();
        return due.claim(limit == null ? properties.backup().sweepLimit() : limit, properties.backup().staleAfter(),
                Instant.now());
    }
}
