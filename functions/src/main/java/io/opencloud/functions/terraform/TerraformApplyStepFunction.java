package io.opencloud.functions.terraform;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.provision.ProvisionRecord;
import io.opencloud.functions.provision.ProvisionRecords;
import java.util.List;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One {@code terraform apply} of a provision. It starts from the latest saved state, so an apply tried again after a
 * failure, a timeout or a crash only does what is left: resources complete in the state are kept, and a resource
 * whose creation failed half-way (tainted) is replaced. The state is saved after the apply whether it succeeded or
 * not, and each resource's progress is reported while it runs.
 *
 * <p>Consumes {@code io.opencloud.terraform.apply.requested.v1}; produces {@code io.opencloud.terraform.apply.completed.v1}
 * with the hosts, networks and datastores the state now holds, or {@code io.opencloud.terraform.apply.failed.v1}
 * (retryable) with Terraform's error diagnostics. Idempotent: applying a provision that is complete changes nothing.
 */
@Component("terraformApplyStep")
public class TerraformApplyStepFunction implements Function<Message<TerraformRequest>, TerraformApplied> {

    private final ProvisionRecords provisions;
    private final TerraformSteps steps;
    private final ProvisionLocks locks;
    private final TerraformProperties properties;

    public TerraformApplyStepFunction(ProvisionRecords provisions, TerraformSteps steps, TerraformProperties properties,
                                      ProvisionLocks locks) {
        this.provisions = provisions;
        this.steps = steps;
        this.properties = properties;
        this.locks = locks;
    }

    @Override
    public TerraformApplied apply(Message<TerraformRequest> command) {
        return locks.exclusively(command.getPayload().provisionId(), () -> run(command));
    }

    private TerraformApplied run(Message<TerraformRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        ProvisionRecord provision = provisions.owned(command.getPayload().provisionId(), sagaId);
        Workspace workspace = steps.open(new TerraformCommand("apply", provision.provisionId(), sagaId,
                CommandHeaders.commandId(command.getHeaders()).id()), provision);
        TerraformResult apply = null;
        int version;
        try {
            apply = steps.run(workspace, List.of("apply", "-json", "-auto-approve", "-input=false",
                    "-lock-timeout=60s", "-parallelism=" + properties.parallelism()));
        } finally {
            version = steps.saveState(workspace, apply != null && apply.succeeded());
        }
        if (!apply.succeeded()) {
            throw new OperationFailedException(apply.failure("terraform apply"), true);
        }
        JsonNode state = steps.state(workspace).orElseThrow(() -> new OperationFailedException(
                "terraform apply succeeded but left no state in " + workspace.directory(), true));
        return new TerraformApplied(provision.provisionId(), StateVersions.resources(state),
                StateOutputs.resources(state, "hosts"), StateOutputs.resources(state, "networks"),
                StateOutputs.resources(state, "datastores"),
                version);
    }
}
