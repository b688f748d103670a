package io.opencloud.functions.terraform;

import java.util.List;

/** Reply of {@code terraformApplyStep}: what the provision's state holds after the apply. */
public record TerraformApplied(String provisionId, int resources, List<ProvisionedResource> hosts,
                               List<ProvisionedResource> networks, List<ProvisionedResource> datastores,
                               int stateVersion) {
}
