package io.opencloud.functions.compute;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opencloud.compute}: where the {@code local} driver keeps image and VM disk files ({@code local.dir}) and
 * which {@code qemu-img} it uses when one is installed; how many backups one sweep may start
 * ({@code backup.sweep-limit}), and after how long a backup that never reported back no longer holds its VM
 * ({@code backup.stale-after}, longer than the backup saga's deadline), and how soon a VM whose backup failed is due
 * again ({@code backup.retry-after}, or its frequency if that is shorter).
 */
@ConfigurationProperties("opencloud.compute")
public record ComputeProperties(Local local, Backup backup) {

    public ComputeProperties {
        local = local == null ? new Local(null, null) : local;
        backup = backup == null ? new Backup(0, null, null) : backup;
    }

    public record Local(Path dir, String qemuImg) {

        public Local {
            dir = dir == null ? Path.of(System.getProperty("java.io.tmpdir"), "opencloud-compute") : dir;
            qemuImg = qemuImg == null ? "qemu-img" : qemuImg;
        }
    }

    public record Backup(int sweepLimit, Duration staleAfter, Duration retryAfter) {

        public Backup {
            sweepLimit = sweepLimit <= 0 ? 1000 : sweepLimit;
            staleAfter = staleAfter == null ? Duration.ofHours(3) : staleAfter;
            retryAfter = retryAfter == null ? Duration.ofMinutes(15) : retryAfter;
        }
    }
}
