package io.opencloud.functions.compute;

/** Create a VM named {@code name} from a VM template. */
public record CreateVmRequest(String templateId, String name) {
}
