package io.opencloud.controlplane.provision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A provider instance as stored; its connection stays sealed. */
public record ProviderRow(UUID providerId, String name, String template, String description, JsonNode inputs,
                          List<String> connectionFields, byte[] sealedConnection, Instant createdAt,
                          Instant updatedAt) {
}
