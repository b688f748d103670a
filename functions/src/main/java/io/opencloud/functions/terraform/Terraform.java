package io.opencloud.functions.terraform;

import io.opencloud.functions.OperationFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the {@code terraform} binary in a working directory and reads its {@code -json} stream as it comes, handing
 * each event to the caller. The process id is kept in the directory while it runs: a Terraform left running by a
 * control plane that was killed is stopped before the next command starts there, so two never work on one state.
 */
@Component
public class Terraform {

    static final String PID_FILE = "terraform.pid";

    private static final Logger log = LoggerFactory.getLogger(Terraform.class);
    private static final int OTHER_OUTPUT_LINES = 20;

    private final TerraformProperties properties;
    private final JsonMapper json;

    public Terraform(TerraformProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public TerraformResult run(Path directory, List<String> arguments, Map<String, String> environment,
                               Consumer<JsonNode> events) {
        stopLeftover(directory);
        List<String> command = new ArrayList<>();
        command.add(properties.binary());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // A CLI configuration file named but missing makes every command print a warning into the JSON stream.
        Optional.ofNullable(env.get("TF_CLI_CONFIG_FILE")).filter(file -> !Files.isRegularFile(Path.of(file)))
                .ifPresent(missing -> env.remove("TF_CLI_CONFIG_FILE"));
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OperationFailedException(properties.binary() + " could not be started (" + e.getMessage()
                    + "): install Terraform or point opencloud.terraform.binary at it", false, e);
        }
        Path pidFile = directory.resolve(PID_FILE);
        try {
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new OperationFailedException("the working directory " + directory + " is not writable: " + e, true, e);
        }
        List<String> errors = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        AtomicReference<JsonNode> changes = new AtomicReference<>();
        Thread reader = Thread.ofVirtual().start(() -> read(process, events, errors, other, changes));
        try {
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process.toHandle());
                throw new OperationFailedException("terraform " + arguments.getFirst() + " took longer than "
                        + properties.timeout() + " and was stopped", true);
            }
            reader.join();
            return new TerraformResult(process.exitValue(), List.copyOf(errors), changes.get(), List.copyOf(other));
        } catch (InterruptedException e) {
            stop(process.toHandle());
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while terraform " + arguments.getFirst() + " ran", true, e);
        } finally {
            deleteQuietly(pidFile);
        }
    }

    private void read(Process process, Consumer<JsonNode> events, List<String> errors, List<String> other,
                      AtomicReference<JsonNode> changes) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode event = line.startsWith("{") ? parse(line) : null;
                if (event == null) {
                    if (!line.isBlank()) {
                        other.add(line.strip());
                        if (other.size() > OTHER_OUTPUT_LINES) {
                            other.removeFirst();
                        }
                    }
                    continue;
                }
                JsonNode diagnostic = event.path("diagnostic");
                if (diagnostic.path("severity").asString("").equals("error")) {
                    String address = diagnostic.path("address").asString("");
                    errors.add((address.isEmpty() ? "" : address + ": ") + diagnostic.path("summary").asString()
                            + detail(diagnostic.path("detail").asString("")));
                }
                if (event.path("type").asString("").equals("change_summary")) {
                    changes.set(event.path("changes"));
                }
                try {
                    events.accept(event);
                } catch (RuntimeException e) {
                    log.warn("a Terraform event could not be handled: {}", e.toString());
                }
            }
        } catch (IOException e) {
            other.add("terraform's output could not be read: " + e.getMessage());
        }
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /* A provisioner's error quotes its whole command, scripts included: the exit status and output are what matter. */
    private static String detail(String detail) {
        String text = detail.strip().replaceFirst("(?s)^Error running command '.*': exit status",
                "the command exited with status").replaceAll("\\s+", " ");
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    /* A Terraform a killed control plane left running is stopped, with the provisioners it started. */
    private static void stopLeftover(Path directory) {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(c -> c.contains("terraform")).orElse(false))
                    .ifPresent(leftover -> {
                        log.warn("stopping terraform (pid {}) left running in {}", pid, directory);
                        stop(leftover);
                    });
        } catch (IOException | NumberFormatException e) {
            log.warn("ignoring the unreadable {}: {}", pidFile, e.toString());
        }
        deleteQuietly(pidFile);
        deleteQuietly(directory.resolve(".terraform.tfstate.lock.info"));
    }

    private static void stop(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("terraform (pid {}) did not stop within 10 s: {}", process.pid(), e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("{} could not be deleted: {}", file, e.toString());
        }
    }
}
