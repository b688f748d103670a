package io.opencloud.functions.terraform;

import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.provision.ProviderConnections;
import io.opencloud.functions.provision.ProvisionDrivers;
import io.opencloud.functions.provision.ProvisionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Terraform function does around its command: prepare the provision's working directory (which may be
 * new, on another machine, or left behind by a killed run), run the command with its progress reported, and save the
 * state it leaves, whether it succeeded or not.
 */
@Component
public class TerraformSteps {

    static final String CONFIG_FILE = "main.tf.json";

    private static final Logger log = LoggerFactory.getLogger(TerraformSteps.class);

    private final Terraform terraform;
    private final StateVersions states;
    private final ProgressReporter progress;
    private final ProvisionDrivers drivers;
    private final ProviderConnections connections;
    private final JsonMapper json;
    private final Path workRoot;

    public TerraformSteps(Terraform terraform, StateVersions states, ProgressReporter progress,
                          ProvisionDrivers drivers, ProviderConnections connections, JsonMapper json,
                          TerraformProperties properties) {
        this.terraform = terraform;
        this.states = states;
        this.progress = progress;
        this.drivers = drivers;
        this.connections = connections;
        this.json = json;
        this.workRoot = properties.workDir();
    }

    public Workspace open(TerraformCommand command, ProvisionRecord provision) {
        Path directory = workRoot.resolve(provision.provisionId());
        try {
            Files.createDirectories(directory);
            String config = json.writerWithDefaultPrettyPrinter().writeValueAsString(provision.terraformConfig());
            Path configFile = directory.resolve(CONFIG_FILE);
            if (!Files.exists(configFile) || !Files.readString(configFile).equals(config)) {
                Files.writeString(configFile, config);
            }
        } catch (IOException e) {
            throw new OperationFailedException("the working directory " + directory + " could not be prepared: " + e,
                    true, e);
        }
        states.restoreInto(provision.provisionId(), directory);
        Map<String, String> environment = provision.providerId()
                .map(id -> drivers.get(provision.driver()).environment(connections.of(id))).orElse(Map.of());
        AtomicReference<String> version = new AtomicReference<>("unknown");
        TerraformResult init = terraform.run(directory, List.of("init", "-json", "-input=false"), environment,
                event -> {
                    if (event.path("type").asString("").equals("version")) {
                        version.set(event.path("terraform").asString("unknown"));
                    }
                });
        if (!init.succeeded()) {
            throw new OperationFailedException(init.failure("terraform init"), true);
        }
        return new Workspace(command, directory, environment, version.get());
    }

    public TerraformResult run(Workspace workspace, List<String> arguments) {
        return terraform.run(workspace.directory(), arguments, workspace.environment(),
                event -> progress.report(workspace.command(), event));
    }

    /** @return the provision's latest state version after saving what the workspace holds */
    public int saveState(Workspace workspace, boolean succeeded) {
        return states.save(workspace.command().provisionId(), workspace.command().name(), succeeded,
                workspace.directory());
    }

    /**
     * Deletes the working directory of a provision whose state is empty: everything it held is saved, and a later
     * command makes it again from the saved state.
     */
    public void forget(Workspace workspace) {
        try (Stream<Path> files = Files.walk(workspace.directory())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("the working directory {} could not be deleted: {}", workspace.directory(), e.toString());
        }
    }

    /** The state the workspace holds now, if any. */
    public Optional<JsonNode> state(Workspace workspace) {
        return states.read(workspace.directory().resolve(StateVersions.STATE_FILE));
    }
}
