package io.opencloud.functions.terraform;

import tools.jackson.databind.JsonNode;

/** A host, network or datastore an apply created: its name, its Terraform id and its attributes. */
public record ProvisionedResource(String name, String id, JsonNode attributes) {
}
