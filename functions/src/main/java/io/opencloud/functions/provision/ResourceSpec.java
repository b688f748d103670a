package io.opencloud.functions.provision;

import java.util.Map;

/** One host, network or datastore a provision asks for: its name (unique within its class) and its attributes. */
public record ResourceSpec(String name, Map<String, Object> attributes) {

    public ResourceSpec {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
