package io.opencloud.functions.provision;

/** What a driver's check of a provisioned host found. */
public record HostHealth(boolean healthy, String detail) {
}
