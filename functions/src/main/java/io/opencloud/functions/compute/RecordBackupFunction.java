package io.opencloud.functions.compute;

import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Records a VM's new backup: BACKUP_MARKETPLACE_APP_ID becomes the app, BACKUP_LAST_COPY_TIME now, and the VM is due
 * again one frequency later.
 *
 * <p>Consumes {@code io.opencloud.compute.record.requested.v1}; produces {@code io.opencloud.compute.record.completed.v1}
 * with the app it replaces, or {@code io.opencloud.compute.record.failed.v1} (not retryable when the VM does not
 * exist). Idempotent: recording the same app again answers the same.
 */
@Component("recordBackup")
public class RecordBackupFunction implements Function<Message<RecordBackupRequest>, BackupRecorded> {

    private final Vms vms;

    public RecordBackupFunction(Vms vms) {
        this.vms = vms;
    }

    @Override
    public BackupRecorded apply(Message<RecordBackupRequest> command) {
        RecordBackupRequest request = command.getPayload();
        return vms.recordBackup(request.vmId(), request.appId());
    }
}
