package io.opencloud.functions.provision;

import io.opencloud.functions.terraform.ProvisionedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code local} driver: an edge site simulated with Terraform's built-ins only, so that it works offline. Each
 * cluster, host, network and datastore is a {@code terraform_data} resource whose local-exec provisioner writes a
 * record, {@code <records-dir>/<provision>/<class>/<name>.json}, exactly once, and whose destroy provisioner deletes
 * it. A host is healthy when its record is there and names it.
 *
 * <p>Three attributes of a host, network or datastore simulate a troubled site: {@code simulate_failures} (the first
 * N attempts to create it fail), {@code simulate_destroy_failures} (the first N attempts to delete it fail) and
 * {@code create_seconds} (each creation takes that long).
 */
@Component
public class LocalDriver extends TemplateDriver {

    private final Path recordsRoot;
    private final JsonMapper json;
    private final String createCommand;
    private final String destroyCommand;

    public LocalDriver(ProvisionProperties properties, JsonMapper json) {
        super("local", json);
        this.recordsRoot = properties.local().recordsDir().toAbsolutePath();
        this.json = json;
        this.createCommand = classpathText("terraform/drivers/local/create-record.sh");
        this.destroyCommand = classpathText("terraform/drivers/local/destroy-record.sh");
    }

    /** Where the records of a provision are kept. */
    public Path records(String provisionId) {
        return recordsRoot.resolve(provisionId);
    }

    @Override
    protected Map<String, String> values(ProvisionLayout layout, String resourceClass, ResourceSpec resource) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("records", records(layout.provisionId()).toString());
        values.put("create_command", createCommand);
        values.put("destroy_command", destroyCommand);
        if (resource == null) {
            values.put("name", layout.name());
            values.put("attributes", jsonText(Map.of("provision", layout.provisionId())));
            return values;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (resourceClass.equals("host")) {
            attributes.put("cpu", layout.inputs().get("host_cpu"));
            attributes.put("memory_mb", layout.inputs().get("host_memory_mb"));
            attributes.put("image", layout.inputs().get("host_image"));
        }
        attributes.putAll(resource.attributes());
        values.put("id", resource.name());
        values.put("name", resource.name());
        values.put("attributes", jsonText(attributes));
        values.put("simulate_failures", String.valueOf(number(resource.attributes().get("simulate_failures"))));
        values.put("create_seconds", String.valueOf(number(resource.attributes().get("create_seconds"))));
        values.put("simulate_destroy_failures",
                String.valueOf(number(resource.attributes().get("simulate_destroy_failures"))));
        return values;
    }

    @Override
    public HostHealth check(String provisionId, ProvisionedResource host) {
        String name = host.name();
        Path record = records(provisionId).resolve("host").resolve(name + ".json");
        if (!Files.isRegularFile(record)) {
            return new HostHealth(false, "host " + name + " has no record at " + record);
        }
        try {
            JsonNode written = json.readTree(Files.readString(record));
            if (!name.equals(written.path("name").asString())) {
                return new HostHealth(false, "the record " + record + " names " + written.path("name") + ", not "
                        + name);
            }
            return new HostHealth(true, "record " + record + " is present");
        } catch (IOException | RuntimeException e) {
            return new HostHealth(false, "the record " + record + " cannot be read: " + e.getMessage());
        }
    }

    private static long number(Object value) {
        return value instanceof Number number ? Math.max(0, number.longValue()) : 0;
    }
}
