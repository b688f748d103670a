package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencloud.events.Envelope;
import java.util.List;

/**
 * The JSON Schema (2020-12) of a CloudEvent in structured mode, the whole event as one JSON object: the envelope
 * attributes, a type among those given, and data that satisfies the schema of that type.
 */
final class StructuredModeEnvelope {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StructuredModeEnvelope() {
    }

    static ObjectNode schema(List<String> types) {
        ObjectNode properties = JSON.objectNode();
        properties.set("specversion", JSON.objectNode().put("const", Envelope.SPEC_VERSION));
        properties.set("id", string().put("minLength", 1));
        properties.set("source", string().put("minLength", 1).put("format", "uri-reference"));
        ArrayNode typeNames = JSON.arrayNode();
        types.forEach(typeNames::add);
        properties.set("type", JSON.objectNode().set("enum", typeNames));
        properties.set("subject", string());
        properties.set("time", string().put("format", "date-time"));
        properties.set("datacontenttype", string());
        properties.set("dataschema", string().put("format", "uri"));
        properties.set(Envelope.SAGA_ID, string());
        properties.set("data", JSON.objectNode().put("description", "The data, inline JSON."));
        properties.set("data_base64", string().put("contentEncoding", "base64"));

        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.set("required", JSON.arrayNode().add("specversion").add("id").add("source").add("type"));
        schema.set("properties", properties);
        // An event carries its data either inline or base64-encoded, never both; the ingress refuses an event without.
        schema.set("oneOf", JSON.arrayNode().add(requiring("data")).add(requiring("data_base64")));
        ArrayNode dataByType = JSON.arrayNode();
        types.forEach(type -> dataByType.add(dataOf(type)));
        schema.set("allOf", dataByType);
        return schema;
    }

    /* Binds the data to the schema of the event's type; base64 data is opaque to JSON Schema and left unchecked. */
    private static ObjectNode dataOf(String type) {
        ObjectNode whenType = JSON.objectNode();
        whenType.set("required", JSON.arrayNode().add("type"));
        whenType.set("properties", JSON.objectNode().set("type", JSON.objectNode().put("const", type)));
        ObjectNode thenData = JSON.objectNode();
        thenData.set("properties", JSON.objectNode().set("data", Refs.to(CatalogueFiles.schemaReference(type))));
        ObjectNode rule = JSON.objectNode();
        rule.set("if", whenType);
        rule.set("then", thenData);
        return rule;
    }

    private static ObjectNode requiring(String property) {
        return JSON.objectNode().set("required", JSON.arrayNode().add(property));
    }

    private static ObjectNode string() {
        return JSON.objectNode().put("type", "string");
    }
}
