package io.opencloud.functions.compute;

/** The VM a create command made. */
public record VmCreated(String vmId, String name, String state) {
}
