package io.opencloud.functions.terraform;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.provision.ProvisionRecord;
import io.opencloud.functions.provision.ProvisionRecords;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Prepares a provision's working directory: writes its Terraform configuration, restores its latest saved state and
 * runs {@code terraform init}.
 *
 * <p>Consumes {@code io.opencloud.terraform.init.requested.v1}; produces {@code io.opencloud.terraform.init.completed.v1},
 * or {@code io.opencloud.terraform.init.failed.v1} when the provision is unknown, belongs to another saga, or Terraform
 * cannot start. Idempotent: it only ever brings the directory to the same state.
 */
@Component("terraformInit")
public class TerraformInitFunction implements Function<Message<TerraformRequest>, TerraformInitialised> {

    private final ProvisionRecords provisions;
    private final TerraformSteps steps;
    private final ProvisionLocks locks;

    public TerraformInitFunction(ProvisionRecords provisions, TerraformSteps steps, ProvisionLocks locks) {
        this.provisions = provisions;
        this.steps = steps;
        this.locks = locks;
    }

    @Override
    public TerraformInitialised apply(Message<TerraformRequest> command) {
        return locks.exclusively(command.getPayload().provisionId(), () -> run(command));
    }

    private TerraformInitialised run(Message<TerraformRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        ProvisionRecord provision = provisions.owned(command.getPayload().provisionId(), sagaId);
        Workspace workspace = steps.open(new TerraformCommand("init", provision.provisionId(), sagaId,
                CommandHeaders.commandId(command.getHeaders()).id()), provision);
        return new TerraformInitialised(provision.provisionId(), workspace.terraformVersion(),
                steps.saveState(workspace, true));
    }
}
