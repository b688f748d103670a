package io.opencloud.functions.compute;

/** The VM's backup app after the compensation (null: none). */
public record BackupUnrecorded(String vmId, String appId) {
}
