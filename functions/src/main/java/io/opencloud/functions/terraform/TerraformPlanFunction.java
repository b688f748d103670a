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
 * Runs {@code terraform plan} on a provision and counts what an apply would add, change and destroy; a plan Terraform
 * refuses (an invalid configuration) fails here, before anything is created.
 *
 * <p>Consumes {@code io.opencloud.terraform.plan.requested.v1}; produces {@code io.opencloud.terraform.plan.completed.v1}
 * or {@code io.opencloud.terraform.plan.failed.v1}. Idempotent: a plan changes nothing.
 */
@Component("terraformPlan")
public class TerraformPlanFunction implements Function<Message<TerraformRequest>, TerraformPlanned> {

    private final ProvisionRecords provisions;
    private final TerraformSteps steps;
    private final ProvisionLocks locks;

    public TerraformPlanFunction(ProvisionRecords provisions, TerraformSteps steps, ProvisionLocks locks) {
        this.provisions = provisions;
        this.steps = steps;
        this.locks = locks;
    }

    @Override
    public TerraformPlanned apply(Message<TerraformRequest> command) {
        return locks.exclusively(command.getPayload().provisionId(), () -> run(command));
    }

    private TerraformPlanned run(Message<TerraformRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        ProvisionRecord provision = provisions.owned(command.getPayload().provisionId(), sagaId);
        Workspace workspace = steps.open(new TerraformCommand("plan", provision.provisionId(), sagaId,
                CommandHeaders.commandId(command.getHeaders()).id()), provision);
        TerraformResult plan = steps.run(workspace, List.of("plan", "-json", "-input=false", "-lock-timeout=60s"));
        int version = steps.saveState(workspace, plan.succeeded());
        if (!plan.succeeded()) {
            throw new OperationFailedException(plan.failure("terraform plan"), plan.errors().isEmpty());
        }
        JsonNode changes = plan.changes();
        return new TerraformPlanned(provision.provisionId(), changes == null ? 0 : changes.path("add").asInt(),
                changes == null ? 0 : changes.path("change").asInt(),
                changes == null ? 0 : changes.path("remove").asInt(), version);
    }
}
