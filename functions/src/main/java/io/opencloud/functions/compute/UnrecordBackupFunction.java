package io.opencloud.functions.compute;

import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Compensates {@code recordBackup}: when the VM's backup is still the saga's app, its previous backup is its backup
 * again; anything else (another backup since, a VM gone) is left as it is.
 *
 * <p>Consumes {@code io.opencloud.compute.unrecord.requested.v1}; produces
 * {@code io.opencloud.compute.unrecord.completed.v1}, or {@code io.opencloud.compute.unrecord.failed.v1} when the
 * database could not be written. Idempotent.
 */
@Component("unrecordBackup")
public class UnrecordBackupFunction implements Function<Message<UnrecordBackupRequest>, BackupUnrecorded> {

    private final Vms vms;

    public UnrecordBackupFunction(Vms vms) {
        this.vms = vms;
    }

    @Override
    public BackupUnrecorded apply(Message<UnrecordBackupRequest> command) {
        UnrecordBackupRequest request = command.getPayload();
        return new BackupUnrecorded(request.vmId(), vms.unrecordBackup(request.vmId(), request.appId())
                .orElse(null));
    }
}
