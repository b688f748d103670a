package io.opencloud.functions.provision;

import java.util.List;

/**
 * An input a provider template asks for, as in ONEedge's provider templates: {@code text}, {@code integer},
 * {@code boolean}, or {@code list} (one of {@code options}). Without a default it must be given.
 */
public record ProviderInput(String name, String type, String description, Object defaultValue, List<String> options) {

    public static final List<String> TYPES = List.of("text", "integer", "boolean", "list");

    public ProviderInput {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Why {@code value} does not fit this input, or null when it does. */
    String problemWith(Object value) {
        return switch (type) {
            case "text" -> value instanceof String ? null : "must be text";
            case "integer" -> value instanceof Integer || value instanceof Long ? null : "must be an integer";
            case "boolean" -> value instanceof Boolean ? null : "must be true or false";
            case "list" -> options.contains(String.valueOf(value)) && value instanceof String ? null
                    : "must be one of " + options;
            default -> "has the unknown type " + type;
        };
    }
}
