package io.opencloud.functions.processing;

import io.opencloud.functions.OperationFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Runs GDAL's {@code gdal_translate} binary. A missing binary is a clear, non-retryable failure that says how to
 * install it; a conversion GDAL refuses fails with the tail of what GDAL wrote.
 */
@Component
public class GdalTranslate {

    private static final int ERROR_TAIL = 1500;

    private final String binary;
    private final Duration timeout;
    private volatile String version;

    public GdalTranslate(ProcessingProperties properties) {
        this.binary = properties.gdalTranslate();
        this.timeout = properties.timeout();
    }

    /**
     * What {@code gdal_translate --version} prints, for example {@code GDAL 3.6.2, released 2023/01/02}. Asked once
     * per process: a launch costs about as much as converting a small image.
     */
    public String version(Path workDirectory) {
        String known = version;
        if (known == null) {
            known = run(List.of("--version"), workDirectory).strip();
            version = known;
        }
        return known;
    }

    public void translate(ImageFormat format, Path input, Path output) {
        List<String> arguments = new ArrayList<>(format.gdalOptions());
        arguments.add("-q");
        arguments.add(input.toString());
        arguments.add(output.toString());
        run(arguments, output.getParent());
    }

    private String run(List<String> arguments, Path workDirectory) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(arguments);
        Path log = workDirectory.resolve("gdal_translate.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new OperationFailedException(binary + " could not be started (" + e.getMessage() + "): install GDAL,"
                    + " Debian package gdal-bin, or point opencloud.processing.gdal-translate at gdal_translate", false, e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new OperationFailedException("gdal_translate took longer than " + timeout, true);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new OperationFailedException("gdal_translate " + String.join(" ", arguments) + " exited with "
                        + process.exitValue() + ": " + tail(output), false);
            }
            return output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while gdal_translate ran", true, e);
        } catch (IOException e) {
            throw new OperationFailedException("gdal_translate's output could not be read: " + e, true, e);
        }
    }

    private static String tail(String output) {
        String text = output.strip();
        return text.length() > ERROR_TAIL ? "…" + text.substring(text.length() - ERROR_TAIL) : text;
    }
}
