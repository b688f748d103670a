package io.opencloud.functions.compute;

import io.opencloud.functions.CommandHeaders;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Deletes every VM, service template, VM template and image the command's saga created, with their files: the
 * compensation of saves, exports and restores, and a backup's clean-up of its saved copy.
 *
 * <p>Consumes {@code io.opencloud.compute.discard.requested.v1}; produces
 * {@code io.opencloud.compute.discard.completed.v1} with the counts, or {@code io.opencloud.compute.discard.failed.v1}
 * when a file could not be deleted (retryable). Idempotent, and a saga that created nothing has nothing to discard.
 */
@Component("discardComputeObjects")
public class DiscardComputeObjectsFunction implements Function<Message<DiscardComputeRequest>,
        ComputeObjectsDiscarded> {

    private static final Logger log = LoggerFactory.getLogger(DiscardComputeObjectsFunction.class);

    private final Vms vms;
    private final VmTemplates templates;
    private final ServiceTemplates serviceTemplates;
    private final Images images;
    private final ComputeDrivers drivers;

    public DiscardComputeObjectsFunction(Vms vms, VmTemplates templates, ServiceTemplates serviceTemplates,
                                         Images images, ComputeDrivers drivers) {
        this.vms = vms;
        this.templates = templates;
        this.serviceTemplates = serviceTemplates;
        this.images = images;
        this.drivers = drivers;
    }

    @Override
    public ComputeObjectsDiscarded apply(Message<DiscardComputeRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        List<VmRecord> createdVms = vms.createdBy(sagaId);
        for (VmRecord vm : createdVms) {
            drivers.get(vm.driver()).deleteVm(vm);
            vms.delete(vm.vmId());
        }
        List<ServiceTemplateRecord> createdServices = serviceTemplates.createdBy(sagaId);
        createdServices.forEach(service -> serviceTemplates.delete(service.serviceTemplateId()));
        List<VmTemplateRecord> createdTemplates = templates.createdBy(sagaId);
        createdTemplates.forEach(template -> templates.delete(template.templateId()));
        List<ImageRecord> createdImages = images.createdBy(sagaId);
        for (ImageRecord image : createdImages) {
            drivers.get(image.driver()).deleteImage(image);
            images.delete(image.imageId());
        }
        ComputeObjectsDiscarded discarded = new ComputeObjectsDiscarded(createdVms.size(), createdTemplates.size(),
                createdServices.size(), createdImages.size());
        if (!createdVms.isEmpty() || !createdServices.isEmpty() || !createdTemplates.isEmpty()
                || !createdImages.isEmpty()) {
            log.info("Discarded what saga {} created ({}): {}", sagaId, command.getPayload().reason(), discarded);
        }
        return discarded;
    }
}
