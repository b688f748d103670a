package io.opencloud.functions.market;

import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.compute.ImageRecord;
import io.opencloud.functions.compute.Images;
import io.opencloud.functions.compute.ServiceTemplateRecord;
import io.opencloud.functions.compute.ServiceTemplates;
import io.opencloud.functions.compute.VmDisk;
import io.opencloud.functions.compute.VmRecord;
import io.opencloud.functions.compute.VmTemplateRecord;
import io.opencloud.functions.compute.VmTemplates;
import io.opencloud.functions.compute.Vms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works out the apps an object becomes. Their manifests are drafts until the import publishes them: an IMAGE's names
 * its source (kept only in the index, never published), a VMTEMPLATE's disks and a SERVICE_TEMPLATE's roles name the
 * apps they reference, whose checksums the publish step fills in.
 */
@Component
class ImportPlanner {

    static final String SOURCE = "SOURCE";

    private final Images images;
    private final VmTemplates templates;
    private final ServiceTemplates serviceTemplates;
    private final Vms vms;
    private final JsonMapper json;

    ImportPlanner(Images images, VmTemplates templates, ServiceTemplates serviceTemplates, Vms vms, JsonMapper json) {
        this.images = images;
        this.templates = templates;
        this.serviceTemplates = serviceTemplates;
        this.vms = vms;
        this.json = json;
    }

    Plan plan(String sagaId, MarketplaceRecord marketplace, PrepareImportRequest request) {
        Plan plan = new Plan(sagaId, marketplace, request, AppIds.imported(sagaId, request.kind(), request.objectId()));
        switch (request.kind()) {
            case "IMAGE" -> {
                ImageRecord image = images.require(request.objectId());
                plan.image(plan.rootAppId, nameOr(request, image.name()), image.attributes(),
                        new ImageUpload(plan.rootAppId, image.imageId(), null, null));
            }
            case "VMTEMPLATE" -> {
                VmTemplateRecord template = templates.require(request.objectId());
                plan.template(plan.rootAppId, nameOr(request, template.name()), template.body(),
                        templateDisks(sagaId, template.body()));
            }
            case "VM" -> {
                VmRecord vm = vms.require(request.objectId());
                if (!VmRecord.POWEROFF.equals(vm.state())) {
                    throw new OperationFailedException("VM " + vm.vmId() + " is " + vm.state() + "; power it off to"
                            + " import it (or back it up, which powers it off and on again)", false);
                }
                List<Disk> disks = new ArrayList<>();
                for (int i = 0; i < vm.disks().size(); i++) {
                    VmDisk disk = vm.disks().get(i);
                    disks.add(new Disk(AppIds.importedDisk(sagaId, vm.vmId(), i), vm.name() + "-disk-" + i,
                            disk.type(), images.find(disk.imageId()).map(ImageRecord::attributes)
                            .orElseGet(json::createObjectNode), new ImageUpload(AppIds.importedDisk(sagaId, vm.vmId(),
                            i), null, vm.vmId(), i)));
                }
                plan.template(plan.rootAppId, nameOr(request, vm.name()), vm.template(), disks);
            }
            case "SERVICE_TEMPLATE" -> serviceTemplate(plan, serviceTemplates.require(request.objectId()));
            default -> throw new OperationFailedException("kind " + request.kind() + " cannot be imported; one of"
                    + " VM, VMTEMPLATE, SERVICE_TEMPLATE, IMAGE", false);
        }
        return plan;
    }

    private void serviceTemplate(Plan plan, ServiceTemplateRecord service) {
        ObjectNode body = ((ObjectNode) service.body()).deepCopy();
        ArrayNode roles = json.createArrayNode();
        Map<String, String> templateApps = new LinkedHashMap<>();
        for (JsonNode role : service.body().path("roles")) {
            ObjectNode published = ((ObjectNode) role).deepCopy();
            String templateId = published.path("vm_template").asString(null);
            published.remove("vm_template");
            if (plan.request.recursive() && templateId != null) {
                String appId = templateApps.computeIfAbsent(templateId, id -> {
                    VmTemplateRecord template = templates.require(id);
                    String childId = AppIds.imported(plan.sagaId, "VMTEMPLATE", id);
                    plan.template(childId, template.name(), template.body(), templateDisks(plan.sagaId,
                            template.body()));
                    return childId;
                });
                published.put("APP_ID", appId);
            }
            roles.add(published);
        }
        body.set("roles", roles);
        ObjectNode manifest = plan.common(plan.rootAppId, AppRecord.SERVICE_TEMPLATE, nameOr(plan.request,
                service.name()));
        manifest.put("DESCRIPTION", plan.request.description() != null ? plan.request.description()
                : service.description());
        manifest.set("SERVICE_TEMPLATE", body);
        plan.add(plan.rootAppId, AppRecord.SERVICE_TEMPLATE, manifest);
    }

    private List<Disk> templateDisks(String sagaId, JsonNode body) {
        List<Disk> disks = new ArrayList<>();
        for (JsonNode disk : body.path("DISK")) {
            String imageId = disk.path("IMAGE_ID").asString(null);
            if (imageId == null) {
                continue;
            }
            ImageRecord image = images.require(imageId);
            String appId = AppIds.imported(sagaId, "IMAGE", imageId);
            disks.add(new Disk(appId, image.name(), disk.path("TYPE").asString("IMAGE"), image.attributes(),
                    new ImageUpload(appId, imageId, null, null)));
        }
        return disks;
    }

    private static String nameOr(PrepareImportRequest request, String name) {
        return request.name() != null ? request.name() : name;
    }

    /** A disk of a template to import: the IMAGE app it becomes and where its bytes come from. */
    private record Disk(String appId, String name, String type, JsonNode attributes, ImageUpload upload) {
    }

    /** The apps of one import, in the order they are listed (the one asked for first). */
    final class Plan {

        private final String sagaId;
        private final MarketplaceRecord marketplace;
        private final PrepareImportRequest request;
        private final String rootAppId;
        private final Map<String, AppRecord> apps = new LinkedHashMap<>();
        private final List<ImageUpload> uploads = new ArrayList<>();

        private Plan(String sagaId, MarketplaceRecord marketplace, PrepareImportRequest request, String rootAppId) {
            this.sagaId = sagaId;
            this.marketplace = marketplace;
            this.request = request;
            this.rootAppId = rootAppId;
        }

        List<AppRecord> apps() {
            List<AppRecord> ordered = new ArrayList<>();
            ordered.add(apps.get(rootAppId));
            apps.values().stream().filter(app -> !app.appId().equals(rootAppId)).forEach(ordered::add);
            return ordered;
        }

        ImportPrepared prepared() {
            return new ImportPrepared(rootAppId, apps().stream().map(app -> new PlannedApp(app.appId(), app.type(),
                    app.name())).toList(), List.copyOf(uploads));
        }

        private void image(String appId, String name, JsonNode attributes, ImageUpload upload) {
            if (apps.containsKey(appId)) {
                return;
            }
            ObjectNode manifest = common(appId, AppRecord.IMAGE, name);
            manifest.putObject("IMAGE").set("ATTRIBUTES", attributes);
            manifest.set(SOURCE, json.valueToTree(upload));
            add(appId, AppRecord.IMAGE, manifest);
            uploads.add(upload);
        }

        private void template(String appId, String name, JsonNode body, List<Disk> disks) {
            ObjectNode template = InstallationDetails.strip(body);
            ArrayNode diskEntries = json.createArrayNode();
            ArrayNode diskApps = json.createArrayNode();
            int next = 0;
            for (JsonNode entry : body.path("DISK")) {
                ObjectNode published = ((ObjectNode) entry).deepCopy();
                published.remove("IMAGE_ID");
                if (entry.hasNonNull("IMAGE_ID") && next < disks.size()) {
                    Disk disk = disks.get(next++);
                    if (request.recursive()) {
                        image(disk.appId(), disk.name(), disk.attributes(), disk.upload());
                        published.put("APP_ID", disk.appId());
                        diskApps.addObject().put("APP_ID", disk.appId()).put("TYPE", disk.type());
                    } else {
                        published.put("IMAGE", disk.name());
                    }
                }
                published.put("TYPE", entry.path("TYPE").asString("IMAGE"));
                diskEntries.add(published);
            }
            template.set("DISK", diskEntries);
            ObjectNode manifest = common(appId, AppRecord.VMTEMPLATE, name);
            manifest.set("TEMPLATE", template);
            manifest.set("DISKS", diskApps);
            add(appId, AppRecord.VMTEMPLATE, manifest);
        }

        private ObjectNode common(String appId, String type, String name) {
            ObjectNode manifest = json.createObjectNode().put("APP_ID", appId).put("NAME", name).put("TYPE", type)
                    .put("MARKETPLACE", marketplace.name());
            if (appId.equals(rootAppId) && request.description() != null) {
                manifest.put("DESCRIPTION", request.description());
            }
            manifest.put("PUBLISHER", request.publisher());
            manifest.put("VERSION", request.version());
            return manifest;
        }

        private void add(String appId, String type, ObjectNode manifest) {
            apps.put(appId, new AppRecord(appId, marketplace.marketplaceId(), manifest.path("NAME").asString(), type,
                    manifest.path("DESCRIPTION").asString(null), request.publisher(), request.version(),
                    AppRecord.IMPORTING, manifest, null, null, sagaId, rootAppId));
        }
    }
}
