package io.opencloud.functions.compute;

/** Give the VM back the backup {@code appId} replaced, if its backup is still {@code appId}. */
public record UnrecordBackupRequest(String vmId, String appId) {
}
