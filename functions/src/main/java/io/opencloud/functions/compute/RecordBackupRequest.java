package io.opencloud.functions.compute;

/** Make {@code appId} the VM's backup. */
public record RecordBackupRequest(String vmId, String appId) {
}
