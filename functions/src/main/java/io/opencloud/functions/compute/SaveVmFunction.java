package io.opencloud.functions.compute;

import io.opencloud.events.DerivedIds;
import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saves a powered-off VM: each disk is copied into a new image, and a VM template like the VM's own uses them. The
 * images and the template are the saga's (created_by_saga), so its compensation or clean-up deletes them.
 *
 * <p>Consumes {@code io.opencloud.compute.save.requested.v1}; produces {@code io.opencloud.compute.save.completed.v1},
 * or {@code io.opencloud.compute.save.failed.v1}: not retryable when the VM does not exist, is running or lost a disk
 * file. Idempotent: ids derive from the saga and the VM, and a saved image is not saved again.
 */
@Component("saveVm")
public class SaveVmFunction implements Function<Message<VmRequest>, VmSaved> {

    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Vms vms;
    private final Images images;
    private final VmTemplates templates;
    private final ComputeDrivers drivers;
    private final JsonMapper json;

    public SaveVmFunction(Vms vms, Images images, VmTemplates templates, ComputeDrivers drivers, JsonMapper json) {
        this.json = json;
        this.vms = vms;
        this.images = images;
        this.templates = templates;
        this.drivers = drivers;
    }

    @Override
    public VmSaved apply(Message<VmRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        VmRecord vm = vms.require(command.getPayload().vmId());
        ComputeDriver driver = drivers.get(vm.driver());
        if (!VmRecord.POWEROFF.equals(driver.state(vm))) {
            throw new OperationFailedException("VM " + vm.vmId() + " is " + driver.state(vm)
                    + "; it must be powered off to be saved", false);
        }
        List<String> imageIds = new ArrayList<>();
        for (int i = 0; i < vm.disks().size(); i++) {
            String imageId = DerivedIds.of(sagaId, vm.vmId(), "disk", Integer.toString(i));
            if (images.find(imageId).isEmpty()) {
                StoredDisk saved = driver.saveAsImage(vm, i, imageId);
                VmDisk disk = vm.disks().get(i);
                ObjectNode attributes = images.find(disk.imageId()).map(source -> source.attributes().deepCopy())
                        .filter(JsonNode::isObject).map(ObjectNode.class::cast)
                        .orElseGet(json::createObjectNode);
                images.insert(new ImageRecord(imageId, vm.name() + "-disk-" + i, driver.name(), saved.format(),
                        saved.location(), saved.sizeBytes(), saved.sha256(), attributes, sagaId));
            }
            imageIds.add(imageId);
        }
        String templateId = DerivedIds.of(sagaId, vm.vmId(), "template");
        ObjectNode body = vm.template().isObject() ? ((ObjectNode) vm.template()).deepCopy()
                : json.createObjectNode();
        ArrayNode disks = body.putArray("DISK");
        for (int i = 0; i < vm.disks().size(); i++) {
            disks.addObject().put("IMAGE_ID", imageIds.get(i)).put("TYPE", vm.disks().get(i).type());
        }
        templates.insert(new VmTemplateRecord(templateId, vm.name() + "-backup-" + COPY_TIME.format(Instant.now()), body,
                sagaId));
        return new VmSaved(vm.vmId(), templateId, imageIds);
    }
}
