package io.opencloud.controlplane.compute;

import io.opencloud.controlplane.saga.BackupVmSaga;
import io.opencloud.controlplane.saga.SagaChanged;
import io.opencloud.controlplane.saga.SagaRow;
import io.opencloud.functions.compute.Vms;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Frees a VM for its next backup when its backup saga ends, and records how it ended, in the saga's own transaction:
 * a VM cannot stay "being backed up" once its saga is over, and the saga's deadline ends every saga.
 */
@Component
class BackupResultFollower {

    private final Vms vms;

    BackupResultFollower(Vms vms) {
        this.vms = vms;
    }

    @EventListener
    void on(SagaChanged change) {
        SagaRow saga = change.saga();
        if (!BackupVmSaga.TYPE.equals(saga.type())) {
            return;
        }
        switch (saga.status()) {
            case COMPLETED -> vms.finishBackup(saga.sagaId(), "SUCCEEDED", null);
            case COMPENSATED -> vms.finishBackup(saga.sagaId(), "FAILED", saga.failureReason()
                    + " (rolled back: the previous backup is kept)");
            case FAILED, ABANDONED -> vms.finishBackup(saga.sagaId(), "FAILED", saga.failureReason()
                    + " (its roll-back did not finish: see the saga)");
            case RUNNING, COMPENSATING -> { }
        }
    }
}
