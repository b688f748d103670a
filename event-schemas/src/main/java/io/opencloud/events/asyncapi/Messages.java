package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencloud.events.Envelope;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Operation;
import io.opencloud.events.PingType;
import io.opencloud.events.WebhookTypes;
import io.opencloud.events.envelope.MediaTypes;
import java.util.Map;
import java.util.Optional;

/**
 * The message components: one per CloudEvent type of the catalogue, in Kafka binary mode with the type's JSON Schema
 * as payload and its example event as example; the structured-mode event the ingress also accepts; and the record
 * parked on a dead-letter topic.
 */
final class Messages {

    static final String STRUCTURED_INGRESS = "structuredCloudEvent";
    static final String DEAD_LETTER = "deadLetter";

    /** The catalogue's schemas are JSON Schema 2020-12, not the AsyncAPI default (a superset of draft-07). */
    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Messages() {
    }

    static ObjectNode byId(String id) {
        return switch (id) {
            case STRUCTURED_INGRESS -> structuredIngress();
            case DEAD_LETTER -> deadLetter();
            default -> ofType(id);
        };
    }

    private static ObjectNode ofType(String type) {
        JsonNode schema = CatalogueFiles.schema(type);
        ObjectNode message = JSON.objectNode();
        message.put("name", type);
        message.put("title", schemaText(schema, "title", type));
        message.put("description", schemaText(schema, "description", type));
        message.put("contentType", Envelope.JSON);
        message.set("headers", BinaryModeHeaders.ofType(type));
        message.set("payload", payload(Refs.to(CatalogueFiles.schemaReference(type))));
        correlation(type).ifPresent(correlation -> message.set("correlationId", correlation));
        message.set("bindings", kafkaKey(keyOf(type)));
        message.set("examples", JSON.arrayNode().add(example(type)));
        return message;
    }

    private static ObjectNode structuredIngress() {
        ObjectNode message = JSON.objectNode();
        message.put("name", STRUCTURED_INGRESS);
        message.put("title", "Any event the ingress accepts, in structured mode");
        message.put("description", "The whole CloudEvent as one JSON object, announced by the "
                + Envelope.KAFKA_CONTENT_TYPE + " header " + MediaTypes.CLOUDEVENTS_JSON + ". Its data must satisfy "
                + "the schema of its type.");
        message.put("contentType", MediaTypes.CLOUDEVENTS_JSON);
        ObjectNode contentType = JSON.objectNode().put("type", "string")
                .put("pattern", "^" + MediaTypes.CLOUDEVENTS_JSON.replace("+", "\\+") + "(\\s*;.*)?$");
        ObjectNode headers = JSON.objectNode().put("type", "object");
        headers.set("properties", JSON.objectNode().set(Envelope.KAFKA_CONTENT_TYPE, contentType));
        message.set("headers", headers);
        message.set("payload", payload(StructuredModeEnvelope.schema(EventTypes.ingressTypes())));
        message.set("bindings", kafkaKey("The saga id."));
        return message;
    }

    private static ObjectNode deadLetter() {
        ObjectNode properties = JSON.objectNode();
        properties.set(Envelope.DLQ_REASON_HEADER, text("Why the record could not be processed, naming the "
                + "attribute or data path at fault when there is one."));
        properties.set(Envelope.DLQ_TOPIC_HEADER, text("The topic the record was consumed from."));
        properties.set(Envelope.DLQ_PARTITION_HEADER, text("Its partition there, in decimal."));
        properties.set(Envelope.DLQ_OFFSET_HEADER, text("Its offset there, in decimal."));
        ObjectNode headers = JSON.objectNode().put("type", "object");
        headers.put("description", "The original record's headers, unchanged, plus these.");
        headers.set("required", JSON.arrayNode().add(Envelope.DLQ_REASON_HEADER).add(Envelope.DLQ_TOPIC_HEADER)
                .add(Envelope.DLQ_PARTITION_HEADER).add(Envelope.DLQ_OFFSET_HEADER));
        headers.set("properties", properties);

        ObjectNode message = JSON.objectNode();
        message.put("name", DEAD_LETTER);
        message.put("title", "Record parked on a dead-letter topic");
        message.put("description", "A consumed record the control plane could not process, parked instead of "
                + "dropped: same key, same value, the original headers, and the reason and origin in headers of "
                + "its own.");
        message.put("contentType", "application/octet-stream");
        message.set("headers", headers);
        message.set("payload", JSON.objectNode().put("description", "The original record value, byte for byte."));
        message.set("bindings", kafkaKey("The original record's key."));
        return message;
    }

    /* The schema stays in its own dialect: AsyncAPI tools read the format rather than assume draft-07. */
    private static ObjectNode payload(ObjectNode schema) {
        ObjectNode payload = JSON.objectNode().put("schemaFormat", SCHEMA_FORMAT);
        payload.set("schema", schema);
        return payload;
    }

    /* A command and its reply share one value: the command's id, which the reply carries as causationid. */
    private static Optional<ObjectNode> correlation(String type) {
        if (Operation.forRequestedType(type).isPresent()) {
            return Optional.of(JSON.objectNode().put("description", "The command's id; its reply carries it in "
                    + BinaryModeHeaders.header(Envelope.CAUSATION_ID) + ".")
                    .put("location", "$message.header#/" + BinaryModeHeaders.header("id")));
        }
        if (BinaryModeHeaders.repliedBy(type).isPresent()) {
            return Optional.of(JSON.objectNode().put("description", "The id of the command this reply answers.")
                    .put("location", "$message.header#/" + BinaryModeHeaders.header(Envelope.CAUSATION_ID)));
        }
        return Optional.empty();
    }

    private static String keyOf(String type) {
        if (type.equals(PingType.TYPE)) {
            return "The schedule's name.";
        }
        if (type.equals(WebhookTypes.FAMILY)) {
            return "The webhook source's name.";
        }
        return BinaryModeHeaders.repliedBy(type).isPresent()
                ? "The saga id (the subject, for a command sent outside a saga)." : "The saga id.";
    }

    private static ObjectNode kafkaKey(String description) {
        ObjectNode kafka = JSON.objectNode();
        kafka.set("key", text(description));
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return JSON.objectNode().set("kafka", kafka);
    }

    /** The type's example event in binary mode: its attributes as headers, its data as the payload. */
    private static ObjectNode example(String type) {
        JsonNode event = CatalogueFiles.example(type);
        JsonNode data = event.get("data");
        if (data == null) {
            throw new IllegalStateException("the example of " + type + " carries no inline data");
        }
        ObjectNode headers = JSON.objectNode();
        for (Map.Entry<String, JsonNode> attribute : event.properties()) {
            String name = attribute.getKey();
            if (!name.equals("data")) {
                headers.put(name.equals("datacontenttype") ? Envelope.KAFKA_CONTENT_TYPE
                        : BinaryModeHeaders.header(name), attribute.getValue().asText());
            }
        }
        ObjectNode example = JSON.objectNode().put("name", "example");
        example.set("headers", headers);
        example.set("payload", data);
        return example;
    }

    private static String schemaText(JsonNode schema, String keyword, String type) {
        JsonNode text = schema.get(keyword);
        if (text == null || !text.isTextual()) {
            throw new IllegalStateException("the schema of " + type + " has no " + keyword);
        }
        return text.textValue();
    }

    private static ObjectNode text(String description) {
        return JSON.objectNode().put("type", "string").put("description", description);
    }
}
