package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.PingType;
import io.opencloud.events.WebhookTypes;
import io.opencloud.events.envelope.EnvelopeReader;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Kafka headers of a CloudEvent in binary mode: each attribute as a {@code ce_} header, the data's media type as
 * {@code content-type}. One shared schema describes them all; each type's headers refine it with what that type
 * pins down (its {@code ce_type}, a reply's source and causation id).
 */
final class BinaryModeHeaders {

    /** The id of the shared schema under components.schemas. */
    static final String SCHEMA_ID = "cloudEventHeaders";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BinaryModeHeaders() {
    }

    static String header(String attribute) {
        return Envelope.KAFKA_ATTRIBUTE_PREFIX + attribute;
    }

    static ObjectNode sharedSchema() {
        ObjectNode properties = JSON.objectNode();
        properties.set(header("specversion"), JSON.objectNode().put("const", Envelope.SPEC_VERSION));
        properties.set(header("id"), attribute("Unique within the event's source.").put("minLength", 1));
        properties.set(header("source"), attribute("Who emitted the event.").put("format", "uri-reference")
                .put("minLength", 1));
        properties.set(header("type"), attribute("The CloudEvent type, which names the data's JSON Schema."));
        properties.set(header("subject"), attribute("The id of the aggregate the event is about."));
        properties.set(header("time"), attribute("When it happened, RFC 3339.").put("format", "date-time"));
        properties.set(header("dataschema"), attribute("A URI naming the data's schema.").put("format", "uri"));
        properties.set(header(Envelope.SAGA_ID), attribute("The saga the event belongs to, set on every event of "
                + "a saga; the ingress derives one for a command that names none."));
        properties.set(header(Envelope.CAUSATION_ID), attribute("On a reply: the id of the command it answers."));
        properties.set(Envelope.KAFKA_CONTENT_TYPE, text("The data's media type: " + Envelope.JSON
                + " or another JSON media type."));
        ObjectNode schema = JSON.objectNode().put("type", "object");
        schema.put("description", "CloudEvents Kafka protocol binding, binary mode: every context attribute and "
                + "extension as a " + Envelope.KAFKA_ATTRIBUTE_PREFIX + "<name> header (UTF-8 text), the data's media"
                + " type as " + Envelope.KAFKA_CONTENT_TYPE + ", the data as the record value.");
        schema.set("required", JSON.arrayNode().add(header("specversion")).add(header("id")).add(header("source"))
                .add(header("type")));
        schema.set("properties", properties);
        return schema;
    }

    /** The headers of one type: the shared schema, with the type and whatever else the catalogue fixes for it. */
    static ObjectNode ofType(String type) {
        ObjectNode properties = JSON.objectNode();
        ObjectNode headers = JSON.objectNode();
        headers.set("allOf", JSON.arrayNode().add(Refs.to(Refs.schema(SCHEMA_ID))));
        headers.set("properties", properties);
        if (type.equals(WebhookTypes.FAMILY)) {
            properties.set(header("type"), text("One type per configured webhook source.")
                    .put("pattern", "^" + WebhookTypes.TYPE_PATTERN.pattern() + "$"));
            properties.set(header("source"), text("Always " + WebhookTypes.eventSource("<source>") + "."));
        } else {
            properties.set(header("type"), JSON.objectNode().put("const", type));
        }
        if (type.equals(PingType.TYPE)) {
            properties.set(header("source"), text("Always " + PingType.source("<namespace>", "<schedule>") + "."));
        }
        repliedBy(type).ifPresent(operation -> {
            properties.set(header("source"), JSON.objectNode().put("const", operation.replySource()));
            headers.set("required", JSON.arrayNode().add(header(Envelope.CAUSATION_ID)));
        });
        return headers;
    }

    /** The operation whose completed or failed reply the type is, if it is one. */
    static Optional<Operation> repliedBy(String type) {
        return Arrays.stream(Operation.values())
                .filter(op -> op.completedType().equals(type) || op.failedType().equals(type)).findFirst();
    }

    /* The envelope reader refuses longer attribute values, whatever the attribute. */
    private static ObjectNode attribute(String description) {
        return text(description).put("maxLength", EnvelopeReader.MAX_ATTRIBUTE_LENGTH);
    }

    private static ObjectNode text(String description) {
        return JSON.objectNode().put("type", "string").put("description", description);
    }
}
