package io.opencloud.controlplane.compute;

import io.opencloud.controlplane.saga.BackupVmSaga;
import io.opencloud.controlplane.saga.SagaChanged;
import io.opencloud.controlplane.saga.SagaRow;
import io.opencloud.functions.compute.ComputeProperties;
import io.opencloud.functions.compute.Vms;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Frees a VM for its next backup when its backup saga ends, and records how it ended, in the saga's own transaction:
 * a VM cannot stay "being backed up" once its saga is over, and the saga's deadline ends every saga. A VM whose
 * backup failed is due again after {@code opencloud.compute.backup.retry-after}.
 */
@Component
class BackupResultFollower {

    private final Vms vms;
    private final Duration retryAfter;

    BackupResultFollower(Vms vms, ComputeProperties properties) {
        this.vms = vms;
        this.retryAfter = properties.backup().retryAfter();
    }

    @EventListener
    void on(SagaChanged change) {
        SagaRow saga = change.saga();
        if (!BackupVmSaga.TYPE.equals(saga.type())) {
            return;
        }
        switch (saga.status()) {
            case COMPLETED -> vms.finishBackup(saga.sagaId(), "SUCCEEDED", null, retryAfter);
            case COMPENSATED -> vms.finishBackup(saga.sagaId(), "FAILED", saga.failureReason()
                    + " (rolled back: the previous backup is kept)", retryAfter);
            case FAILED, ABANDONED -> vms.finishBackup(saga.sagaId(), "FAILED", saga.failureReason()
                    + " (its roll-back did not finish: see the saga)", retryAfter);
            case RUNNING, COMPENSATING -> { }
        }
    }
}
