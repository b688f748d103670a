package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code qemu-img} binary, when one is installed: finds an image's format and converts raw images to qcow2. */
final class QemuImg {

    private static final Pattern FORMAT = Pattern.compile("\"format\"\\s*:\\s*\"([a-z0-9]+)\"");
    private static final long TIMEOUT_MINUTES = 30;

    private final Optional<Path> binary;

    QemuImg(String command) {
        this.binary = locate(command);
    }

    boolean installed() {
        return binary.isPresent();
    }

    String format(Path image) {
        String info = run(List.of("info", "--output=json", image.toString()));
        Matcher matcher = FORMAT.matcher(info);
        if (!matcher.find()) {
            throw new OperationFailedException("qemu-img info did not say the format of " + image, false);
        }
        return matcher.group(1);
    }

    void convertToQcow2(Path from, Path to) {
        run(List.of("convert", "-O", "qcow2", from.toString(), to.toString()));
    }

    private String run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.orElseThrow().toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new OperationFailedException("qemu-img " + arguments.getFirst() + " took longer than "
                        + TIMEOUT_MINUTES + " minutes", true);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new OperationFailedException("qemu-img " + arguments.getFirst() + " exited with "
                        + process.exitValue() + ": " + text.strip(), false);
            }
            return text;
        } catch (IOException e) {
            throw new OperationFailedException("qemu-img could not be run: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("qemu-img was interrupted", true, e);
        }
    }

    private static Optional<Path> locate(String command) {
        if (command.contains(File.separator)) {
            Path path = Path.of(command);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir).resolve(command);
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
