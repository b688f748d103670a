package io.opencloud.infra.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds the runtime layer of the container images, on top of an empty base ({@code scratch}): a JRE made by
 * {@code jlink} from the JDK 25 that runs the build, the C libraries it links against, and the few files a process
 * expects. The image then carries the very JRE that trained its AOT cache ({@link AotTraining}); a cache trained on
 * another build of the JVM is refused.
 *
 * <p>Run by the build of each image module: {@code ImageRuntime <output directory>}.
 */
public final class ImageRuntime {

    /** Where the JRE lives in the images; their PATH and JAVA_HOME point here. */
    public static final String JAVA_HOME = "/opt/java/openjdk";
    /** Java SE, plus what Spring, Kafka's clients, the JDBC driver and Debezium reach for beyond it. */
    private static final List<String> MODULES = List.of("java.se", "jdk.unsupported", "jdk.charsets",
            "jdk.localedata", "jdk.crypto.ec", "jdk.zipfs", "jdk.naming.dns", "jdk.net", "jdk.management",
            "jdk.management.agent", "jdk.jfr", "jdk.httpserver", "jdk.security.auth", "jdk.security.jgss");

    private ImageRuntime() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path java = root.resolve(JAVA_HOME.substring(1));
        if (Files.isExecutable(java.resolve("bin/java"))) {
            return;
        }
        Files.createDirectories(java.getParent());
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(),
                "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--generate-cds-archive", "--output", java.toString()));
        for (String library : libraries(java)) {
            Path target = root.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(Path.of(library), target, StandardCopyOption.REPLACE_EXISTING);
        }
        // glibc's dynamic loader is found by this fixed path.
        Path loader = root.resolve("lib64/ld-linux-x86-64.so.2");
        if (!Files.exists(loader)) {
            Files.createDirectories(loader.getParent());
            Files.copy(Path.of("/lib64/ld-linux-x86-64.so.2"), loader);
        }
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");
        for (String dir : List.of("tmp", "root", "var/lib/opencloud")) {
            Files.createDirectories(root.resolve(dir));
        }
    }

    /** Every shared library the JRE's programs and libraries load, as {@code ldd} resolves them on this machine. */
    private static Set<String> libraries(Path java) throws IOException, InterruptedException {
        List<Path> objects = new ArrayList<>();
        objects.add(java.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(java.resolve("lib"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".so")).forEach(objects::add);
        }
        Set<String> libraries = new TreeSet<>();
        for (Path object : objects) {
            for (String line : output(List.of("ldd", object.toString())).split("\n")) {
                // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
                String[] words = line.strip().split("\\s+");
                for (String word : words) {
                    if (word.startsWith("/") && !word.startsWith(java.toString())) {
                        libraries.add(word);
                    }
                }
            }
        }
        return libraries;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed with " + process.exitValue());
        }
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return text;
    }
}
