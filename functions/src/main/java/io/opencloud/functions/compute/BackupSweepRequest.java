package io.opencloud.functions.compute;

/** What {@code io.opencloud.compute.sweep.requested.v1} carries: at most how many backups to start (null: the configured limit). */
public record BackupSweepRequest(Integer limit) {
}
