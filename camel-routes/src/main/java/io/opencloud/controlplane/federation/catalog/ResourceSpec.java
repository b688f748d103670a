package io.opencloud.controlplane.federation.catalog;

import io.opencloud.controlplane.provision.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A resource as its provider describes it: name, kind, description card and the inputs a workflow needs; the shape
 * of a {@code resources} item of {@code io.opencloud.federation.share.completed.v1}.
 */
public record ResourceSpec(String name, String kind, JsonNode card, JsonNode inputs) {

    static final Set<String> KINDS = Set.of("data", "compute", "storage", "processing");
    private static final Set<String> INPUT_TYPES = Set.of("string", "number", "integer", "boolean", "object", "array");
    private static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** Every fault of a resource's description, each naming the member at fault; empty when it is sound. */
    static List<String> faults(String name, JsonNode body) {
        List<String> faults = new ArrayList<>();
        if (!Names.valid(name)) {
            faults.add("name: " + Names.rule());
        }
        if (!KINDS.contains(body.path("kind").asString(""))) {
            faults.add("kind: one of " + KINDS.stream().sorted().toList());
        }
        JsonNode card = body.path("card");
        if (!card.isObject()) {
            faults.add("card: an object with a title and a description");
        } else {
            if (!card.path("title").isString() || card.path("title").asString().isBlank()
                    || card.path("title").asString().length() > 200) {
                faults.add("card.title: text of 1 to 200 characters");
            }
            if (!card.path("description").isString() || card.path("description").asString().length() > 10000) {
                faults.add("card.description: text of at most 10000 characters");
            }
        }
        JsonNode inputs = body.path("inputs");
        if (!inputs.isMissingNode() && !inputs.isArray()) {
            faults.add("inputs: a list of {name, type, required, description}");
        } else if (inputs.isArray()) {
            for (int i = 0; i < inputs.size(); i++) {
                JsonNode input = inputs.get(i);
                String at = "inputs[" + i + "]";
                if (!INPUT_NAME.matcher(input.path("name").asString("")).matches()) {
                    faults.add(at + ".name: a letter or underscore, then letters, digits or underscores, at most 64");
                }
                if (!INPUT_TYPES.contains(input.path("type").asString(""))) {
                    faults.add(at + ".type: one of " + INPUT_TYPES.stream().sorted().toList());
                }
                if (!input.path("required").isBoolean()) {
                    faults.add(at + ".required: true or false");
                }
                input.propertyNames().stream()
                        .filter(field -> !Set.of("name", "type", "required", "description").contains(field))
                        .forEach(field -> faults.add(at + "." + field + ": not a member of an input"));
            }
        }
        return faults;
    }
}
