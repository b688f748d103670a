package io.opencloud.controlplane.federation.delegation;

import io.opencloud.controlplane.federation.catalog.CatalogResources;
import io.opencloud.controlplane.federation.network.Networks;
import org.springframework.stereotype.Component;

/** Whether a resource is shared with a network a peer belongs to: the condition for granting it, and for honouring it. */
@Component
public class GrantShares {

    private final CatalogResources resources;
    private final Networks networks;

    public GrantShares(CatalogResources resources, Networks networks) {
        this.resources = resources;
        this.networks = networks;
    }

    /** The catalog resource a granted resource lies in: the part before its first slash. */
    static String rootOf(String resource) {
        return resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
    }

    public boolean shared(String resource, String peerId) {
        return resources.find(rootOf(resource)).map(own -> own.sharedWith().stream()
                .anyMatch(network -> networks.isMember(network, peerId))).orElse(false);
    }

    boolean stillShared(Grant grant) {
        return shared(grant.resource(), grant.peer());
    }
}
