package io.opencloud.functions.compute;

import tools.jackson.databind.JsonNode;

/** A service template ({@code compute_service_template}): its body holds {@code roles}, each {name, cardinality, vm_template}. */
public record ServiceTemplateRecord(String serviceTemplateId, String name, String description, JsonNode body,
                                    String createdBySaga) {
}
