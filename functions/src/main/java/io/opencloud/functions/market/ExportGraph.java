package io.opencloud.functions.market;

import io.opencloud.functions.OperationFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The apps an export reads: the app asked for and, when recursive, the VMTEMPLATE apps its roles name and the IMAGE
 * apps their disks name, each of which must be READY.
 */
@Component
class ExportGraph {

    private final MarketApps apps;

    ExportGraph(MarketApps apps) {
        this.apps = apps;
    }

    Graph of(String appId, boolean recursive) {
        AppRecord root = apps.requireReady(appId);
        Graph graph = new Graph(root);
        if (AppRecord.IMAGE.equals(root.type())) {
            graph.images.put(root.appId(), root);
        } else if (recursive) {
            for (JsonNode role : root.manifest().path("SERVICE_TEMPLATE").path("roles")) {
                AppRecord template = referenced(root, role.path("APP_ID").asString(null));
                if (template != null) {
                    graph.templates.put(template.appId(), template);
                }
            }
            if (AppRecord.VMTEMPLATE.equals(root.type())) {
                graph.templates.put(root.appId(), root);
            }
            for (AppRecord template : List.copyOf(graph.templates.values())) {
                for (JsonNode disk : template.manifest().path("DISKS")) {
                    AppRecord image = referenced(template, disk.path("APP_ID").asString(null));
                    if (image != null) {
                        graph.images.put(image.appId(), image);
                    }
                }
            }
        }
        return graph;
    }

    private AppRecord referenced(AppRecord by, String appId) {
        if (appId == null) {
            return null;
        }
        return apps.find(appId).filter(app -> AppRecord.READY.equals(app.state())).orElseThrow(() ->
                new OperationFailedException("app " + by.appId() + " references app " + appId
                        + ", which is not READY in the marketplace", false));
    }

    /** An export's apps by id: the one asked for, its VM templates (itself included when it is one) and images. */
    static final class Graph {

        final AppRecord root;
        final Map<String, AppRecord> templates = new LinkedHashMap<>();
        final Map<String, AppRecord> images = new LinkedHashMap<>();

        private Graph(AppRecord root) {
            this.root = root;
        }

        List<AppRecord> images() {
            return new ArrayList<>(images.values());
        }
    }
}
