package io.opencloud.functions.provision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The provider templates: the YAML files shipped under {@code providers/} on the classpath, and those in
 * {@code opencloud.provision.providers-dir}. A template that cannot be read, names a driver no class implements or
 * declares an input badly stops start-up, with every fault named.
 */
@Component
public class ProviderTemplates {

    private final Map<String, ProviderTemplate> templates;

    public ProviderTemplates(ProvisionProperties properties, ProvisionDrivers drivers) throws IOException {
        Map<String, ProviderTemplate> read = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:providers/*.yaml")) {
            try (InputStream in = resource.getInputStream()) {
                add(read, faults, resource.getFilename(), in, drivers);
            }
        }
        Path directory = properties.providersDir();
        if (directory != null) {
            if (!Files.isDirectory(directory)) {
                faults.add("opencloud.provision.providers-dir " + directory + " is not a directory");
            } else {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            add(read, faults, file.toString(), in, drivers);
                        }
                    }
                }
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("provider templates are not valid:\n  " + String.join("\n  ", faults));
        }
        this.templates = Map.copyOf(read);
    }

    public Optional<ProviderTemplate> find(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    public List<ProviderTemplate> all() {
        return templates.values().stream().sorted(Comparator.comparing(ProviderTemplate::name)).toList();
    }

    private static void add(Map<String, ProviderTemplate> read, List<String> faults, String origin, InputStream in,
                            ProvisionDrivers drivers) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (RuntimeException e) {
            faults.add(origin + ": not YAML: " + e.getMessage());
            return;
        }
        if (!(loaded instanceof Map<?, ?> yaml)) {
            faults.add(origin + ": not a mapping");
            return;
        }
        int before = faults.size();
        String name = text(yaml, "name", origin, faults);
        String driver = text(yaml, "provider", origin, faults);
        if (driver != null && drivers.find(driver).isEmpty()) {
            faults.add(origin + ": provider " + driver + " has no driver (known: " + drivers.names() + ")");
        }
        Map<?, ?> plain = yaml.get("plain") instanceof Map<?, ?> map ? map : Map.of();
        Map<String, String> connection = new LinkedHashMap<>();
        if (yaml.get("connection") instanceof Map<?, ?> fields) {
            fields.forEach((field, description) -> connection.put(String.valueOf(field), String.valueOf(description)));
        } else if (yaml.containsKey("connection")) {
            faults.add(origin + ": connection must map each field to its description");
        }
        String locationKey = plain.get("location_key") == null ? null : String.valueOf(plain.get("location_key"));
        if (locationKey != null && !connection.containsKey(locationKey)) {
            faults.add(origin + ": plain.location_key " + locationKey + " is not a connection field");
        }
        List<ProviderInput> inputs = new ArrayList<>();
        if (yaml.get("inputs") instanceof List<?> list) {
            for (Object entry : list) {
                input(entry, origin, faults).ifPresent(inputs::add);
            }
        }
        if (name != null && read.containsKey(name)) {
            faults.add(origin + ": another template is named " + name);
        }
        if (faults.size() == before) {
            read.put(name, new ProviderTemplate(name, string(yaml, "description", ""), driver,
                    locationKey, plain.get("provision_type") == null ? null : String.valueOf(plain.get("provision_type")),
                    connection, inputs));
        }
    }

    private static Optional<ProviderInput> input(Object entry, String origin, List<String> faults) {
        if (!(entry instanceof Map<?, ?> yaml) || !(yaml.get("name") instanceof String name)) {
            faults.add(origin + ": every input needs a name");
            return Optional.empty();
        }
        String type = string(yaml, "type", "text");
        List<String> options = yaml.get("options") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        ProviderInput input = new ProviderInput(name, type, string(yaml, "description", name),
                yaml.get("default"), options);
        if (!ProviderInput.TYPES.contains(type)) {
            faults.add(origin + ": input " + name + " has type " + type + ", not one of " + ProviderInput.TYPES);
        } else if (type.equals("list") && options.isEmpty()) {
            faults.add(origin + ": input " + name + " is a list without options");
        } else if (input.defaultValue() != null && input.problemWith(input.defaultValue()) != null) {
            faults.add(origin + ": the default of input " + name + " " + input.problemWith(input.defaultValue()));
        }
        return Optional.of(input);
    }

    private static String string(Map<?, ?> yaml, String key, String otherwise) {
        Object value = yaml.get(key);
        return value == null ? otherwise : String.valueOf(value);
    }

    private static String text(Map<?, ?> yaml, String key, String origin, List<String> faults) {
        if (yaml.get(key) instanceof String value && !value.isBlank()) {
            return value;
        }
        faults.add(origin + ": " + key + " is required");
        return null;
    }
}
