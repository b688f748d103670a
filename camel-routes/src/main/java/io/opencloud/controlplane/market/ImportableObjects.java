package io.opencloud.controlplane.market;

import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.functions.compute.Images;
import io.opencloud.functions.compute.ServiceTemplates;
import io.opencloud.functions.compute.VmRecord;
import io.opencloud.functions.compute.VmTemplates;
import io.opencloud.functions.compute.Vms;
import org.springframework.stereotype.Component;

/** Checks, before an import starts, that the object to import exists and (a VM) is powered off. */
@Component
class ImportableObjects {

    private final Images images;
    private final VmTemplates templates;
    private final ServiceTemplates serviceTemplates;
    private final Vms vms;

    ImportableObjects(Images images, VmTemplates templates, ServiceTemplates serviceTemplates, Vms vms) {
        this.images = images;
        this.templates = templates;
        this.serviceTemplates = serviceTemplates;
        this.vms = vms;
    }

    /**
     * @throws RequestRefusedException 404 when there is no such object of that kind, 409 for a running VM
     */
    void checkImportable(String kind, String objectId) {
        boolean exists = switch (kind) {
            case "IMAGE" -> images.find(objectId).isPresent();
            case "VMTEMPLATE" -> templates.find(objectId).isPresent();
            case "SERVICE_TEMPLATE" -> serviceTemplates.find(objectId).isPresent();
            default -> vms.find(objectId).map(vm -> {
                if (!VmRecord.POWEROFF.equals(vm.state())) {
                    throw RequestRefusedException.conflict("VM " + objectId + " is " + vm.state() + "; power it off"
                            + " to import it, or back it up (which powers it off and on again)");
                }
                return true;
            }).orElse(false);
        };
        if (!exists) {
            throw RequestRefusedException.notFound(kind + " " + objectId);
        }
    }
}
