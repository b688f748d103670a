package io.opencloud.functions.provision;

/** Reply of {@code configureHost}: the host is running, and what its check found. */
public record HostConfigured(String provisionId, String host, String state, String detail) {
}
