package io.opencloud.controlplane.provision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads request bodies of the JSON APIs, refusing what is not a JSON object. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonNode object(JsonMapper json, String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException e) {
            throw RequestRefusedException.invalid(List.of("the body is not JSON: " + e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw RequestRefusedException.invalid(List.of("the body must be a JSON object"));
        }
        return node;
    }

    /** A member that must be an object of plain values (text, numbers, booleans), as a map; absent is empty. */
    static Map<String, Object> values(JsonNode body, String member, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            problems.add(member + " must be an object");
            return values;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isString()) {
                values.put(field.getKey(), value.asString());
            } else if (value.isIntegralNumber()) {
                values.put(field.getKey(), value.asLong());
            } else if (value.isBoolean()) {
                values.put(field.getKey(), value.asBoolean());
            } else {
                problems.add(member + "." + field.getKey() + " must be text, an integer or a boolean");
            }
        }
        return values;
    }
}
