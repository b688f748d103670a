package io.opencloud.functions.compute;

import tools.jackson.databind.JsonNode;

/**
 * A VM template ({@code compute_vm_template}). Its body has OpenNebula's shape: CPU, MEMORY, DISK (a list of
 * {@code {IMAGE_ID, TYPE}}, TYPE one of IMAGE, KERNEL, CONTEXT), NIC, CONTEXT and whatever else the driver reads.
 */
public record VmTemplateRecord(String templateId, String name, JsonNode body, String createdBySaga) {
}
