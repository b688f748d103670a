package io.opencloud.functions.terraform;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the list outputs every driver's configuration declares ({@code hosts}, {@code networks}, {@code datastores},
 * each entry {@code {name, id, attributes}}) from a Terraform state: how the control plane learns what exists.
 */
public final class StateOutputs {

    private StateOutputs() {
    }

    public static List<ProvisionedResource> resources(JsonNode state, String output) {
        return state.path("outputs").path(output).path("value").valueStream()
                .map(entry -> new ProvisionedResource(entry.path("name").asString(), entry.path("id").asString(),
                        entry.path("attributes").isObject() ? entry.path("attributes")
                                : JsonNodeFactory.instance.objectNode()))
                .toList();
    }
}
