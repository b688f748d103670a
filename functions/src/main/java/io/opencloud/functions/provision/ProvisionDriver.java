package io.opencloud.functions.provision;

import java.util.Map;
import io.opencloud.functions.terraform.ProvisionedResource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns provisions on one kind of provider into Terraform and checks the hosts they create. The configuration it
 * generates (Terraform's JSON syntax) must output {@code cluster}, and {@code hosts}, {@code networks} and
 * {@code datastores} as lists of {@code {name, id, attributes}}: that is how the control plane learns what exists.
 * Most drivers extend {@link TemplateDriver} and are templates plus a class.
 */
public interface ProvisionDriver {

    /** The name provider templates give as their {@code provider}. */
    String name();

    ObjectNode configuration(ProvisionLayout layout);

    /** The environment Terraform runs with for a provider instance of this driver, given its connection. */
    Map<String, String> environment(Map<String, String> connection);

    /** Checks one host of a provision, as the apply's {@code hosts} output describes it. */
    HostHealth check(String provisionId, ProvisionedResource host);
}
