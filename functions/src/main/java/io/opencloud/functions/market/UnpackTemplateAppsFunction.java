package io.opencloud.functions.market;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.compute.Images;
import io.opencloud.functions.compute.ServiceTemplateRecord;
import io.opencloud.functions.compute.ServiceTemplates;
import io.opencloud.functions.compute.VmTemplateRecord;
import io.opencloud.functions.compute.VmTemplates;
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
 * Finishes an export: creates the VM templates (their disks pointing at the images the export fetched) and the
 * service template (its roles pointing at those templates) of the saga, and answers every object the export created.
 *
 * <p>Consumes {@code io.opencloud.market.unpack.requested.v1}; produces {@code io.opencloud.market.unpack.completed.v1},
 * or {@code io.opencloud.market.unpack.failed.v1}: not retryable when an app is missing or an image was not fetched.
 * Idempotent: ids derive from the saga and the apps, and what exists is kept.
 */
@Component("unpackTemplateApps")
public class UnpackTemplateAppsFunction implements Function<Message<UnpackRequest>, AppsUnpacked> {

    private final ExportGraph graph;
    private final Images images;
    private final VmTemplates templates;
    private final ServiceTemplates serviceTemplates;
    private final JsonMapper json;

    UnpackTemplateAppsFunction(ExportGraph graph, Images images, VmTemplates templates,
                               ServiceTemplates serviceTemplates, JsonMapper json) {
        this.graph = graph;
        this.images = images;
        this.templates = templates;
        this.serviceTemplates = serviceTemplates;
        this.json = json;
    }

    @Override
    public AppsUnpacked apply(Message<UnpackRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        UnpackRequest request = command.getPayload();
        ExportGraph.Graph apps = graph.of(request.appId(), request.recursive());
        List<String> imageIds = new ArrayList<>();
        for (AppRecord image : apps.images()) {
            String imageId = AppIds.exportedImage(sagaId, image.appId());
            if (images.find(imageId).isEmpty()) {
                throw new OperationFailedException("image app " + image.appId() + " was not fetched", false);
            }
            imageIds.add(imageId);
        }
        String rootName = request.name() != null ? request.name() : apps.root.name();
        List<String> templateIds = new ArrayList<>();
        for (AppRecord template : apps.templates.values()) {
            String name = template.appId().equals(apps.root.appId()) ? rootName : template.name();
            templateIds.add(template(sagaId, template, name));
        }
        List<String> serviceTemplateIds = new ArrayList<>();
        String objectId = switch (apps.root.type()) {
            case AppRecord.IMAGE -> imageIds.getFirst();
            case AppRecord.VMTEMPLATE -> request.recursive() ? AppIds.exportedTemplate(sagaId, apps.root.appId())
                    : template(sagaId, apps.root, rootName);
            default -> {
                String id = serviceTemplate(sagaId, apps.root, rootName, request.recursive());
                serviceTemplateIds.add(id);
                yield id;
            }
        };
        if (AppRecord.VMTEMPLATE.equals(apps.root.type()) && !request.recursive()) {
            templateIds.add(objectId);
        }
        return new AppsUnpacked(apps.root.appId(), apps.root.type(), objectId, imageIds, templateIds,
                serviceTemplateIds);
    }

    private String template(String sagaId, AppRecord app, String name) {
        ObjectNode body = ((ObjectNode) app.manifest().path("TEMPLATE")).deepCopy();
        for (JsonNode disk : body.path("DISK")) {
            String appId = disk.path("APP_ID").asString(null);
            if (appId != null && disk instanceof ObjectNode entry) {
                String imageId = AppIds.exportedImage(sagaId, appId);
                if (images.find(imageId).isPresent()) {
                    entry.remove("APP_ID");
                    entry.put("IMAGE_ID", imageId);
                }
            }
        }
        String templateId = AppIds.exportedTemplate(sagaId, app.appId());
        templates.insert(new VmTemplateRecord(templateId, name, body, sagaId));
        return templateId;
    }

    private String serviceTemplate(String sagaId, AppRecord app, String name, boolean recursive) {
        ObjectNode body = ((ObjectNode) app.manifest().path("SERVICE_TEMPLATE")).deepCopy();
        ArrayNode roles = json.createArrayNode();
        for (JsonNode role : body.path("roles")) {
            ObjectNode entry = ((ObjectNode) role).deepCopy();
            String appId = entry.path("APP_ID").asString(null);
            entry.remove("SHA256");
            if (appId != null && recursive) {
                entry.remove("APP_ID");
                entry.put("vm_template", AppIds.exportedTemplate(sagaId, appId));
            }
            roles.add(entry);
        }
        body.set("roles", roles);
        String id = AppIds.exportedServiceTemplate(sagaId, app.appId());
        serviceTemplates.insert(new ServiceTemplateRecord(id, name, app.description(), body, sagaId));
        return id;
    }
}
