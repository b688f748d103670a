package io.opencloud.functions.compute;

/** A command about one VM. */
public record VmRequest(String vmId) {
}
