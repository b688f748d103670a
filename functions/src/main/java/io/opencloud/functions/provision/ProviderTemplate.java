package io.opencloud.functions.provision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of provider one may create instances of, read from a YAML file under a providers directory, after
 * ONEedge's provider templates: its name, what it is, the driver that turns provisions into Terraform
 * ({@code provider}), which connection field says where it is ({@code location_key}), the connection fields an
 * instance must give (each with its description; all of them are kept sealed), and the inputs with their types,
 * defaults and options.
 */
public record ProviderTemplate(String name, String description, String driver, String locationKey,
                               String provisionType, Map<String, String> connection, List<ProviderInput> inputs) {

    public ProviderTemplate {
        connection = Collections.unmodifiableMap(new LinkedHashMap<>(connection));
        inputs = List.copyOf(inputs);
    }

    /** Every way the connection values fail this template: a field missing or empty, or one it does not know. */
    public List<String> connectionProblems(Map<String, ?> values) {
        List<String> problems = new ArrayList<>();
        for (String field : connection.keySet()) {
            Object value = values.get(field);
            if (!(value instanceof String text) || text.isBlank()) {
                problems.add("connection." + field + " is required (" + connection.get(field) + ")");
            }
        }
        values.keySet().stream().filter(field -> !connection.containsKey(field)).sorted()
                .forEach(field -> problems.add("connection." + field + " is not a connection field of provider "
                        + "template " + name + " (it has " + connection.keySet().stream().sorted().toList() + ")"));
        return problems;
    }

    /** Every way the input values fail this template. */
    public List<String> inputProblems(Map<String, ?> values) {
        List<String> problems = new ArrayList<>();
        for (ProviderInput input : inputs) {
            Object value = values.get(input.name());
            if (value == null) {
                if (input.defaultValue() == null) {
                    problems.add("inputs." + input.name() + " is required (" + input.description() + ")");
                }
            } else {
                String problem = input.problemWith(value);
                if (problem != null) {
                    problems.add("inputs." + input.name() + " " + problem);
                }
            }
        }
        values.keySet().stream().filter(name -> inputs.stream().noneMatch(input -> input.name().equals(name)))
                .sorted().forEach(name -> problems.add("inputs." + name + " is not an input of provider template "
                        + this.name));
        return problems;
    }

    /** The input values with the template's defaults filled in. */
    public Map<String, Object> withDefaults(Map<String, ?> values) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ProviderInput input : inputs) {
            Object value = values.get(input.name());
            all.put(input.name(), value == null ? input.defaultValue() : value);
        }
        return all;
    }
}
