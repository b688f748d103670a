package io.opencloud.functions.provision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A driver whose Terraform comes from templates on the classpath, one per resource class, under
 * {@code terraform/drivers/<driver>/}: {@code cluster.tf.json} once per provision, then {@code host.tf.json},
 * {@code network.tf.json} and {@code datastore.tf.json} once per resource of that class. A template is Terraform's
 * JSON syntax with placeholders: {@code {{name}}} is replaced by a value as JSON string content, and a whole string
 * {@code "{{json:name}}"} by a JSON value. Its key {@code opencloud_output} is not Terraform: it is the entry the
 * resource adds to the output of its class. Each connection field becomes a sensitive variable.
 */
public abstract class TemplateDriver implements ProvisionDriver {

    private static final Pattern JSON_PLACEHOLDER = Pattern.compile("\"\\{\\{json:([a-z_]+)}}\"");
    private static final Pattern TEXT_PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String OUTPUT_ENTRY = "opencloud_output";

    private final String name;
    private final JsonMapper json;
    private final Map<String, String> templates = new LinkedHashMap<>();

    protected TemplateDriver(String name, JsonMapper json) {
        this.name = name;
        this.json = json;
        for (String resourceClass : List.of("cluster", "host", "network", "datastore")) {
            templates.put(resourceClass, classpathText("terraform/drivers/" + name + "/" + resourceClass + ".tf.json"));
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The placeholder values of the provision's cluster ({@code resource} is null) or of one of its resources. */
    protected abstract Map<String, String> values(ProvisionLayout layout, String resourceClass, ResourceSpec resource);

    @Override
    public ObjectNode configuration(ProvisionLayout layout) {
        ObjectNode config = json.createObjectNode();
        ObjectNode variables = config.putObject("variable");
        layout.template().connection().keySet().stream().sorted().forEach(field -> variables.putObject(field)
                .put("type", "string").put("sensitive", true)
                .put("description", layout.template().connection().get(field)));
        ObjectNode outputs = json.createObjectNode();
        JsonNode cluster = add(config, render("cluster", values(layout, "cluster", null)));
        outputs.putObject("cluster").set("value", cluster);
        addAll(config, outputs, layout, "host", "hosts", layout.hosts());
        addAll(config, outputs, layout, "network", "networks", layout.networks());
        addAll(config, outputs, layout, "datastore", "datastores", layout.datastores());
        config.set("output", outputs);
        return config;
    }

    @Override
    public Map<String, String> environment(Map<String, String> connection) {
        Map<String, String> environment = new LinkedHashMap<>();
        connection.forEach((field, value) -> environment.put("TF_VAR_" + field, value));
        return environment;
    }

    /** The text of a file the driver ships on the classpath, such as a script its templates embed. */
    protected static String classpathText(String path) {
        try (InputStream in = TemplateDriver.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the driver file " + path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the driver file " + path + " could not be read", e);
        }
    }

    /** A value as JSON text, for a {@code "{{json:name}}"} placeholder. */
    protected String jsonText(Object value) {
        return json.writeValueAsString(value);
    }

    private void addAll(ObjectNode config, ObjectNode outputs, ProvisionLayout layout, String resourceClass,
                        String output, List<ResourceSpec> resources) {
        ArrayNode entries = outputs.putObject(output).putArray("value");
        for (ResourceSpec resource : resources) {
            entries.add(add(config, render(resourceClass, values(layout, resourceClass, resource))));
        }
    }

    private ObjectNode render(String resourceClass, Map<String, String> values) {
        String template = templates.get(resourceClass);
        Matcher whole = JSON_PLACEHOLDER.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (whole.find()) {
            whole.appendReplacement(rendered, Matcher.quoteReplacement(value(values, whole.group(1), resourceClass)));
        }
        whole.appendTail(rendered);
        Matcher text = TEXT_PLACEHOLDER.matcher(rendered.toString());
        StringBuilder done = new StringBuilder();
        while (text.find()) {
            String quoted = json.writeValueAsString(value(values, text.group(1), resourceClass));
            text.appendReplacement(done, Matcher.quoteReplacement(quoted.substring(1, quoted.length() - 1)));
        }
        text.appendTail(done);
        return (ObjectNode) json.readTree(done.toString());
    }

    private String value(Map<String, String> values, String key, String resourceClass) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("the " + name + " driver's " + resourceClass + " template uses {{" + key
                    + "}}, which the driver does not give");
        }
        return value;
    }

    /* Merges a rendered fragment into the configuration and returns its output entry. */
    private static JsonNode add(ObjectNode config, ObjectNode fragment) {
        JsonNode entry = fragment.remove(OUTPUT_ENTRY);
        merge(config, fragment);
        return entry;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else if (existing != null) {
                throw new IllegalStateException("two templates define " + field.getKey());
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }
}
