package io.opencloud.controlplane.provision;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A provision as stored. {@code providerId} is null once its provider was deleted. */
public record ProvisionRow(UUID provisionId, String name, UUID providerId, String providerName, String driver,
                           ProvisionState state, String owner, String group, JsonNode spec, JsonNode terraformConfig,
                           String currentSaga, String error, Instant createdAt, Instant updatedAt) {
}
