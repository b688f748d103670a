package io.opencloud.functions.provision;

import java.util.List;
import java.util.Map;

/**
 * What a driver turns into a Terraform configuration: the provision, the provider template and input values of the
 * provider instance it runs on, and the hosts, networks and datastores it asks for. Connection values are not part
 * of it: they reach Terraform as sensitive variables when it runs, never through the configuration.
 */
public record ProvisionLayout(String provisionId, String name, ProviderTemplate template, Map<String, Object> inputs,
                              List<ResourceSpec> hosts, List<ResourceSpec> networks, List<ResourceSpec> datastores) {

    public ProvisionLayout {
        inputs = Map.copyOf(inputs);
        hosts = List.copyOf(hosts);
        networks = List.copyOf(networks);
        datastores = List.copyOf(datastores);
    }
}
