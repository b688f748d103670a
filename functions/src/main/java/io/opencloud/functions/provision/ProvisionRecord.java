package io.opencloud.functions.provision;

import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the functions read of a provision: its driver, the provider instance it runs on (empty once that was
 * deleted), its Terraform configuration, and the one saga allowed to run Terraform on it.
 */
public record ProvisionRecord(String provisionId, String name, String driver, Optional<UUID> providerId,
                              JsonNode terraformConfig, String currentSaga) {
}
