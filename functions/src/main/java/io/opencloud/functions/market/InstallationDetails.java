package io.opencloud.functions.market;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a VM template says about the installation it came from, which means nothing in another one and is left out of
 * marketplace apps: its network interfaces (NIC, NIC_ALIAS, NIC_DEFAULT) and the network settings of its context
 * (NETWORK, ETH*).
 */
final class InstallationDetails {

    private static final List<String> NETWORK_KEYS = List.of("NIC", "NIC_ALIAS", "NIC_DEFAULT");

    private InstallationDetails() {
    }

    static ObjectNode strip(JsonNode template) {
        ObjectNode copy = ((ObjectNode) template).deepCopy();
        NETWORK_KEYS.forEach(copy::remove);
        if (copy.path("CONTEXT") instanceof ObjectNode context) {
            context.remove("NETWORK");
            context.propertyNames().stream().filter(name -> name.startsWith("ETH")).toList()
                    .forEach(context::remove);
        }
        return copy;
    }
}
