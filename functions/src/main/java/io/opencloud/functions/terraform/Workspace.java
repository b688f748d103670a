package io.opencloud.functions.terraform;

import java.nio.file.Path;
import java.util.Map;

/**
 * A provision's working directory, ready for a Terraform command: configuration written, latest state restored,
 * initialised. The environment holds the provider's connection, so it never appears in {@link #toString()}.
 */
public record Workspace(TerraformCommand command, Path directory, Map<String, String> environment,
                        String terraformVersion) {

    public Workspace {
        environment = Map.copyOf(environment);
    }

    @Override
    public String toString() {
        return "Workspace[" + command + ", " + directory + ", environment " + environment.keySet() + "]";
    }
}
