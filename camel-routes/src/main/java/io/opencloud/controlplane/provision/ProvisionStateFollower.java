package io.opencloud.controlplane.provision;

import io.opencloud.controlplane.saga.DestroyProvisionSaga;
import io.opencloud.controlplane.saga.ProvisionInfrastructureSaga;
import io.opencloud.controlplane.saga.SagaChanged;
import io.opencloud.controlplane.saga.SagaRegistry;
import io.opencloud.controlplane.saga.SagaRow;
import io.opencloud.controlplane.saga.SagaStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each provision's state in step with the saga that drives it, in the saga's own transaction: a provision
 * cannot be left DEPLOYING once its saga ended, because both change together. A saga's deadline ends it, so no
 * provision stays DEPLOYING for ever either.
 */
@Component
class ProvisionStateFollower {

    private final ProvisionStore provisions;
    private final SagaRegistry sagas;

    ProvisionStateFollower(ProvisionStore provisions, SagaRegistry sagas) {
        this.provisions = provisions;
        this.sagas = sagas;
    }

    @EventListener
    void on(SagaChanged change) {
        SagaRow saga = change.saga();
        switch (saga.type()) {
            case ProvisionInfrastructureSaga.TYPE -> followDeployment(saga);
            case DestroyProvisionSaga.TYPE -> followDeletion(saga);
            default -> { }
        }
    }

    private void followDeployment(SagaRow saga) {
        switch (saga.status()) {
            case RUNNING -> provisions.follow(saga.sagaId(), isConfiguring(saga) ? ProvisionState.CONFIGURING
                    : ProvisionState.DEPLOYING, null);
            case COMPENSATING -> provisions.follow(saga.sagaId(), ProvisionState.ERROR, saga.failureReason()
                    + " (destroying what was created)");
            case COMPLETED -> provisions.follow(saga.sagaId(), ProvisionState.RUNNING, null);
            case COMPENSATED -> provisions.follow(saga.sagaId(), ProvisionState.ERROR, saga.failureReason());
            case FAILED, ABANDONED -> provisions.follow(saga.sagaId(), ProvisionState.ERROR, saga.failureReason()
                    + " (its resources could not all be destroyed: delete the provision to try again)");
        }
    }

    private void followDeletion(SagaRow saga) {
        if (saga.status() == SagaStatus.COMPLETED) {
            provisions.follow(saga.sagaId(), ProvisionState.DONE, null);
        } else if (saga.status() != SagaStatus.RUNNING) {
            provisions.follow(saga.sagaId(), ProvisionState.ERROR, "deleting failed: " + saga.failureReason());
        }
    }

    private boolean isConfiguring(SagaRow saga) {
        return sagas.get(saga.type()).steps().get(saga.currentStep()).name()
                .equals(ProvisionInfrastructureSaga.CONFIGURE_STEP);
    }
}
