package io.opencloud.functions.compute;

/** The VM's backup app now, the one it replaced (null for a first backup), and when the copy was recorded. */
public record BackupRecorded(String vmId, String appId, String previousAppId, String copyTime) {
}
