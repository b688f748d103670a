package io.opencloud.controlplane;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * js-macaroon (npm {@code macaroon}), the implementation the README verifies this control plane's macaroons with:
 * {@code src/test/node/verify-macaroon.js}, installed once per test JVM with {@code npm ci} into
 * {@code target/node-interop}. Where node or npm is missing the calling test is reported skipped, not passed
 * ({@code .ci/run} installs them).
 */
final class JsMacaroon {

    /** What the script said, and whether it verified. */
    record Outcome(boolean verified, String output) {
    }

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path INSTALLED = Path.of("target/node-interop");
    private static boolean installed;

    private JsMacaroon() {
    }

    static Outcome verify(String rootKey, String resource, String action, String macaroon, List<String> discharges) {
        install();
        List<String> command = new ArrayList<>(List.of("node", "verify-macaroon.js", rootKey, resource, action,
                macaroon));
        command.addAll(discharges);
        Programs.Run result = run(command);
        return new Outcome(result.exitCode() == 0 && result.output().strip().equals("verified"),
                result.output().strip());
    }

    private static synchronized void install() {
        assumeThat(Programs.onPath("node") && Programs.onPath("npm"))
                .as("node and npm on the PATH (apt-get install nodejs npm)").isTrue();
        if (installed) {
            return;
        }
        try {
            Files.createDirectories(INSTALLED);
            for (String file : List.of("package.json", "package-lock.json", "verify-macaroon.js")) {
                Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + INSTALLED, e);
        }
        Programs.Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        if (npm.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + INSTALLED + " failed: " + npm.output());
        }
        installed = true;
    }

    private static Programs.Run run(List<String> command) {
        Programs.Run run = Programs.run(INSTALLED, null, Duration.ofMinutes(3), command);
        if (!run.finished()) {
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 3 minutes");
        }
        return run;
    }
}
