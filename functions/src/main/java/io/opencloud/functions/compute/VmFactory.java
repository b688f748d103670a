package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Creates VMs from VM templates through the default driver: each DISK of the template (IMAGE, KERNEL or CONTEXT)
 * becomes a copy of its image. Used by {@code createVm} and by {@code POST /compute/vms}.
 */
@Component
public class VmFactory {

    private final Images images;
    private final Vms vms;
    private final ComputeDrivers drivers;

    public VmFactory(Images images, Vms vms, ComputeDrivers drivers) {
        this.images = images;
        this.vms = vms;
        this.drivers = drivers;
    }

    /** Creates the VM, or answers it when it exists already under this id. */
    public VmRecord create(String vmId, String name, VmTemplateRecord template, VmBackup backup, JsonNode attributes,
                           String createdBySaga) {
        var existing = vms.find(vmId);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<ImageRecord> sources = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode disk : template.body().path("DISK")) {
            String imageId = disk.path("IMAGE_ID").asString(null);
            if (imageId == null) {
                throw new OperationFailedException("VM template " + template.templateId() + " has a DISK without an"
                        + " IMAGE_ID", false);
            }
            sources.add(images.require(imageId));
            types.add(disk.path("TYPE").asString("IMAGE"));
        }
        ComputeDriver driver = drivers.get(ComputeDrivers.DEFAULT);
        List<StoredDisk> stored = driver.createVm(vmId, sources);
        List<VmDisk> disks = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            StoredDisk disk = stored.get(i);
            disks.add(new VmDisk(types.get(i), sources.get(i).imageId(), disk.format(), disk.location(),
                    disk.sizeBytes(), disk.sha256()));
        }
        VmRecord vm = new VmRecord(vmId, name, driver.name(), template.templateId(), VmRecord.RUNNING, template.body(),
                disks, attributes, backup, createdBySaga);
        vms.insert(vm);
        return vms.find(vmId).orElseThrow();
    }
}
