package io.opencloud.functions.compute;

import io.opencloud.events.DerivedIds;
import io.opencloud.functions.CommandHeaders;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates a running VM from a VM template, each disk a copy of the template's image; the VM is the saga's, so the
 * saga's compensation deletes it.
 *
 * <p>Consumes {@code io.opencloud.compute.create.requested.v1}; produces
 * {@code io.opencloud.compute.create.completed.v1}, or {@code io.opencloud.compute.create.failed.v1}: not retryable
 * when the template or one of its images does not exist. Idempotent: the VM's id derives from the saga and template.
 */
@Component("createVm")
public class CreateVmFunction implements Function<Message<CreateVmRequest>, VmCreated> {

    private final VmTemplates templates;
    private final VmFactory factory;
    private final JsonMapper json;

    public CreateVmFunction(VmTemplates templates, VmFactory factory, JsonMapper json) {
        this.json = json;
        this.templates = templates;
        this.factory = factory;
    }

    @Override
    public VmCreated apply(Message<CreateVmRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        CreateVmRequest request = command.getPayload();
        VmTemplateRecord template = templates.require(request.templateId());
        VmRecord vm = factory.create(DerivedIds.of(sagaId, template.templateId(), "vm"), request.name(), template,
                new VmBackup(null, null, null, null, null, null, null), json.createObjectNode(), sagaId);
        return new VmCreated(vm.vmId(), vm.name(), vm.state());
    }
}
