package io.opencloud.controlplane.provision;

import io.opencloud.controlplane.saga.SagaStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A provision as the API shows it: the document (state, cause, access list, what was asked), the saga driving it,
 * its Terraform configuration and latest saved state version, and the cluster, hosts, networks and datastores that
 * state holds, each host with what its last check found.
 */
@Component
class ProvisionViews {

    private final ProvisionStore store;
    private final SagaStore sagas;

    ProvisionViews(ProvisionStore store, SagaStore sagas) {
        this.store = store;
        this.sagas = sagas;
    }

    Map<String, Object> summary(ProvisionRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.provisionId());
        view.put("name", row.name());
        view.put("provider", Map.of("name", row.providerName(), "driver", row.driver()));
        view.put("state", row.state());
        view.put("error", row.error());
        view.put("access", access(row));
        view.put("sagaId", row.currentSaga());
        view.put("createdAt", row.createdAt());
        view.put("updatedAt", row.updatedAt());
        return view;
    }

    Map<String, Object> full(ProvisionRow row) {
        Map<String, Object> view = summary(row);
        Optional.ofNullable(row.currentSaga()).flatMap(sagas::find).ifPresent(saga -> view.put("saga", Map.of(
                "id", saga.sagaId(), "type", saga.type(), "status", saga.status(), "currentStep", saga.currentStep())));
        view.put("spec", row.spec());
        List<Map<String, Object>> versions = store.stateVersions(row.provisionId());
        Map<String, Object> terraform = new LinkedHashMap<>();
        terraform.put("configuration", row.terraformConfig());
        terraform.put("state", versions.isEmpty() ? null : versions.getFirst());
        terraform.put("stateVersions", versions.size());
        view.put("terraform", terraform);
        JsonNode outputs = store.latestState(row.provisionId()).map(state -> state.path("outputs"))
                .orElse(null);
        Map<String, ProvisionStore.HostCheck> checks = store.hostChecks(row.provisionId());
        view.put("cluster", outputs == null || outputs.path("cluster").path("value").isMissingNode() ? null
                : outputs.path("cluster").path("value"));
        view.put("hosts", resources(outputs, "hosts", checks));
        view.put("networks", resources(outputs, "networks", Map.of()));
        view.put("datastores", resources(outputs, "datastores", Map.of()));
        return view;
    }

    private static List<Map<String, Object>> resources(JsonNode outputs, String name,
                                                       Map<String, ProvisionStore.HostCheck> checks) {
        List<Map<String, Object>> resources = new ArrayList<>();
        if (outputs == null) {
            return resources;
        }
        for (JsonNode entry : outputs.path(name).path("value")) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("name", entry.path("name").asString());
            resource.put("id", entry.path("id").asString());
            resource.put("attributes", entry.path("attributes"));
            ProvisionStore.HostCheck check = checks.get(entry.path("name").asString());
            if (check != null) {
                resource.put("state", check.state());
                resource.put("detail", check.detail());
                resource.put("checkedAt", check.checkedAt());
            }
            resources.add(resource);
        }
        return resources;
    }

    private static Map<String, Object> access(ProvisionRow row) {
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("owner", row.owner());
        access.put("group", row.group());
        return access;
    }
}
