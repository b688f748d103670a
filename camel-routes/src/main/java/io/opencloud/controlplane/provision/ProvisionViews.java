package io.opencloud.controlplane.provision;

import io.opencloud.controlplane.saga.SagaStore;
import io.opencloud.functions.terraform.ProvisionedResource;
import io.opencloud.functions.terraform.StateOutputs;
import io.opencloud.functions.terraform.StateVersions;
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
    private final StateVersions states;

    ProvisionViews(ProvisionStore store, SagaStore sagas, StateVersions states) {
        this.store = store;
        this.sagas = sagas;
        this.states = states;
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
        JsonNode state = states.latestState(row.provisionId().toString()).orElse(null);
        Map<String, ProvisionStore.HostCheck> checks = store.hostChecks(row.provisionId());
        JsonNode cluster = state == null ? null : state.path("outputs").path("cluster").path("value");
        view.put("cluster", cluster == null || cluster.isMissingNode() ? null : cluster);
        view.put("hosts", resources(state, "hosts", checks));
        view.put("networks", resources(state, "networks", Map.of()));
        view.put("datastores", resources(state, "datastores", Map.of()));
        return view;
    }

    private static List<Map<String, Object>> resources(JsonNode state, String output,
                                                       Map<String, ProvisionStore.HostCheck> checks) {
        List<Map<String, Object>> resources = new ArrayList<>();
        if (state == null) {
            return resources;
        }
        for (ProvisionedResource entry : StateOutputs.resources(state, output)) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("name", entry.name());
            resource.put("id", entry.id());
            resource.put("attributes", entry.attributes());
            ProvisionStore.HostCheck check = checks.get(entry.name());
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
