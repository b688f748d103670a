package io.opencloud.controlplane.compute;

import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.functions.compute.Images;
import io.opencloud.functions.compute.ServiceTemplateRecord;
import io.opencloud.functions.compute.ServiceTemplates;
import io.opencloud.functions.compute.VmTemplateRecord;
import io.opencloud.functions.compute.VmTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /compute/templates} (VM templates: {@code {name, template: {CPU, MEMORY, DISK: [{IMAGE_ID, TYPE}], NIC,
 * CONTEXT, ...}}}) and {@code /compute/service-templates} ({@code {name, description, roles: [{name, cardinality,
 * vm_template}], ...}}). Every image and VM template referenced must exist; every fault is named at once.
 */
@RestController
@Requires(Role.MEMBER)
@RequestMapping("/compute")
public class TemplatesController {

    private static final List<String> DISK_TYPES = List.of("IMAGE", "KERNEL", "CONTEXT");

    private final VmTemplates templates;
    private final ServiceTemplates serviceTemplates;
    private final Images images;
    private final JsonMapper json;
    private final Ownership ownership;

    public TemplatesController(VmTemplates templates, ServiceTemplates serviceTemplates, Images images,
                               JsonMapper json, Ownership ownership) {
        this.ownership = ownership;
        this.templates = templates;
        this.serviceTemplates = serviceTemplates;
        this.images = images;
        this.json = json;
    }

    @PostMapping("/templates")
    public ResponseEntity<VmTemplateRecord> createTemplate(@RequestBody(required = false) String text,
                                                           Caller caller) {
        JsonNode body = JsonBodies.object(json, text);
        List<String> problems = new ArrayList<>();
        String name = name(body, problems);
        JsonNode template = body.path("template");
        if (!template.isObject()) {
            problems.add("template must be an object: CPU, MEMORY, DISK [{IMAGE_ID, TYPE}], NIC, CONTEXT, ...");
        } else {
            int index = 0;
            for (JsonNode disk : template.path("DISK")) {
                String at = "template.DISK[" + index++ + "]";
                String imageId = disk.path("IMAGE_ID").asString(null);
                if (!Ids.valid(imageId) || images.find(imageId).isEmpty()
                        || !ownership.visible(Owned.IMAGE, imageId, caller)) {
                    problems.add(at + ".IMAGE_ID must name an image of the inventory");
                }
                if (!DISK_TYPES.contains(disk.path("TYPE").asString("IMAGE"))) {
                    problems.add(at + ".TYPE must be one of " + DISK_TYPES);
                }
            }
        }
        refuseIf(problems);
        String id = UUID.randomUUID().toString();
        templates.insert(new VmTemplateRecord(id, name, template, null));
        ownership.claim(Owned.VM_TEMPLATE, id, caller);
        return ResponseEntity.status(201).header("Location", "/compute/templates/" + id)
                .body(templates.find(id).orElseThrow());
    }

    @Requires(Role.VIEWER)
    @GetMapping("/templates")
    public List<VmTemplateRecord> templates(Caller caller) {
        return ownership.visibleOf(Owned.VM_TEMPLATE, templates.list(), VmTemplateRecord::templateId, caller);
    }

    @Requires(Role.VIEWER)
    @GetMapping("/templates/{id}")
    public VmTemplateRecord template(@PathVariable String id, Caller caller) {
        return Ids.valid(id) && ownership.visible(Owned.VM_TEMPLATE, id, caller)
                ? templates.find(id).orElseThrow(() -> RequestRefusedException.notFound("VM template "
                + id)) : Ids.notFound("VM template", id);
    }

    @PostMapping("/service-templates")
    public ResponseEntity<ServiceTemplateRecord> createServiceTemplate(@RequestBody(required = false) String text,
                                                                       Caller caller) {
        JsonNode body = JsonBodies.object(json, text);
        List<String> problems = new ArrayList<>();
        String name = name(body, problems);
        if (!body.path("roles").isArray() || body.path("roles").isEmpty()) {
            problems.add("roles must list at least one role: {name, cardinality, vm_template}");
        }
        int index = 0;
        for (JsonNode role : body.path("roles")) {
            String at = "roles[" + index++ + "]";
            if (role.path("name").asString("").isBlank()) {
                problems.add(at + ".name is required");
            }
            if (!role.path("cardinality").canConvertToInt() || role.path("cardinality").asInt() < 0) {
                problems.add(at + ".cardinality must be a whole number of VMs, 0 or more");
            }
            String templateId = role.path("vm_template").asString(null);
            if (!Ids.valid(templateId) || templates.find(templateId).isEmpty()
                    || !ownership.visible(Owned.VM_TEMPLATE, templateId, caller)) {
                problems.add(at + ".vm_template must name a VM template of the inventory");
            }
        }
        refuseIf(problems);
        ObjectNode stored = ((ObjectNode) body).deepCopy();
        stored.remove("name");
        stored.remove("description");
        String id = UUID.randomUUID().toString();
        serviceTemplates.insert(new ServiceTemplateRecord(id, name, body.path("description").asString(null), stored,
                null));
        ownership.claim(Owned.SERVICE_TEMPLATE, id, caller);
        return ResponseEntity.status(201).header("Location", "/compute/service-templates/" + id)
                .body(serviceTemplates.find(id).orElseThrow());
    }

    @Requires(Role.VIEWER)
    @GetMapping("/service-templates")
    public List<ServiceTemplateRecord> serviceTemplates(Caller caller) {
        return ownership.visibleOf(Owned.SERVICE_TEMPLATE, serviceTemplates.list(),
                ServiceTemplateRecord::serviceTemplateId, caller);
    }

    @Requires(Role.VIEWER)
    @GetMapping("/service-templates/{id}")
    public ServiceTemplateRecord serviceTemplate(@PathVariable String id, Caller caller) {
        return Ids.valid(id) && ownership.visible(Owned.SERVICE_TEMPLATE, id, caller)
                ? serviceTemplates.find(id).orElseThrow(() -> RequestRefusedException.notFound(
                "service template " + id)) : Ids.notFound("service template", id);
    }

    private static String name(JsonNode body, List<String> problems) {
        String name = body.path("name").asString("");
        DisplayNames.check(name, "name", problems);
        return name;
    }

    private static void refuseIf(List<String> problems) {
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
    }
}
