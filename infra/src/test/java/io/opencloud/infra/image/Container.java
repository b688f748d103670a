package io.opencloud.infra.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command of an unpacked image inside its root file system, without a container engine: a private mount
 * namespace (in a user namespace of its own when not run by root) in which {@code /proc} and {@code /dev} are bound
 * into the root, then {@code chroot}. It shares the host's network, so it reaches services on localhost. The command
 * keeps the process id of what is started, so destroying the process stops the program itself, gracefully.
 */
public final class Container {

    private Container() {
    }

    public static Process start(ImageTar image, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        String root = image.root().toString();
        List<String> unshare = new ArrayList<>(List.of("unshare", "--mount"));
        if (!"root".equals(System.getProperty("user.name"))) {
            unshare.addAll(1, List.of("--user", "--map-root-user"));
        }
        unshare.addAll(List.of("sh", "-c", "mount --rbind /proc \"$0/proc\" && mount --rbind /dev \"$0/dev\""
                + " && exec chroot \"$0\" \"$@\"", root));
        unshare.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(unshare).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(image.environment());
        builder.environment().putAll(environment);
        // The host's PATH finds unshare, mount and chroot; the image's own PATH is restored for the command.
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:"
                + image.environment().getOrDefault("PATH", ""));
        Files.createDirectories(image.root().resolve("proc"));
        Files.createDirectories(image.root().resolve("dev"));
        return builder.start();
    }
}
