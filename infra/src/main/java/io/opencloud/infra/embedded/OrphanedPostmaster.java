package io.opencloud.infra.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds and stops a PostgreSQL server left running on a data directory by a process that died. */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : parse(lines.getFirst())
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(cmd -> cmd.contains("postgres")
                        && cmd.contains(dataDir.toString())).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a control plane that did not shut down cleanly",
                process.pid(), dataDir);
        // SIGTERM is PostgreSQL's smart shutdown; the dead process's sessions are gone, so it completes promptly.
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static Optional<Long> parse(String pid) {
        try {
            return Optional.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
