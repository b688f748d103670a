package io.opencloud.functions.terraform;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.provision.ProvisionRecord;
import io.opencloud.functions.provision.ProvisionRecords;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Destroys everything in a provision's state, from the latest saved state, so that it works after a failed or killed
 * apply as well as after a successful one. It compensates {@link TerraformApplyStepFunction} and deletes provisions.
 * The state is saved afterwards whether the destroy succeeded or not; it succeeds only when the state is empty, and
 * then the working directory is deleted (the saved states keep its history).
 *
 * <p>Consumes {@code io.opencloud.terraform.destroy.requested.v1}; produces
 * {@code io.opencloud.terraform.destroy.completed.v1}, or {@code io.opencloud.terraform.destroy.failed.v1} (retryable)
 * when Terraform fails or resources remain. Idempotent, and tolerant of an apply that never happened: an unknown
 * provision, one another saga drives, or an empty state has nothing for this command to destroy.
 */
@Component("terraformDestroy")
public class TerraformDestroyFunction implements Function<Message<TerraformRequest>, TerraformDestroyed> {

    private static final Logger log = LoggerFactory.getLogger(TerraformDestroyFunction.class);

    private final ProvisionRecords provisions;
    private final StateVersions states;
    private final TerraformSteps steps;
    private final ProvisionLocks locks;

    public TerraformDestroyFunction(ProvisionRecords provisions, StateVersions states, TerraformSteps steps,
                                    ProvisionLocks locks) {
        this.provisions = provisions;
        this.states = states;
        this.steps = steps;
        this.locks = locks;
    }

    @Override
    public TerraformDestroyed apply(Message<TerraformRequest> command) {
        return locks.exclusively(command.getPayload().provisionId(), () -> run(command));
    }

    private TerraformDestroyed run(Message<TerraformRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        String provisionId = command.getPayload().provisionId();
        Optional<ProvisionRecord> found = provisions.find(provisionId);
        if (found.isEmpty() || !sagaId.equals(found.get().currentSaga())) {
            log.info("saga {} destroys nothing of provision {}: {}", sagaId, provisionId,
                    found.isEmpty() ? "it does not exist" : "saga " + found.get().currentSaga() + " drives it");
            return new TerraformDestroyed(provisionId, 0, states.latest(provisionId).map(StateVersion::version)
                    .orElse(0));
        }
        Workspace workspace = steps.open(new TerraformCommand("destroy", provisionId, sagaId,
                CommandHeaders.commandId(command.getHeaders()).id()), found.get());
        int before = steps.state(workspace).map(StateVersions::resources).orElse(0);
        if (before == 0) {
            int version = steps.saveState(workspace, true);
            steps.forget(workspace);
            return new TerraformDestroyed(provisionId, 0, version);
        }
        TerraformResult destroy = null;
        int version;
        try {
            destroy = steps.run(workspace, List.of("destroy", "-json", "-auto-approve", "-input=false",
                    "-lock-timeout=60s"));
        } finally {
            version = steps.saveState(workspace, destroy != null && destroy.succeeded());
        }
        if (!destroy.succeeded()) {
            throw new OperationFailedException(destroy.failure("terraform destroy"), true);
        }
        int remaining = steps.state(workspace).map(StateVersions::resources).orElse(0);
        if (remaining > 0) {
            throw new OperationFailedException("terraform destroy succeeded but " + remaining + " resources remain in "
                    + "the state of provision " + provisionId, true);
        }
        steps.forget(workspace);
        return new TerraformDestroyed(provisionId, before, version);
    }
}
