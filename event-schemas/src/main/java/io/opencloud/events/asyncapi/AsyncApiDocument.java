package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencloud.events.Envelope;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Topics;
import java.util.List;

/**
 * The AsyncAPI 3.0.0 document of every Kafka channel and message of the control plane, generated from the event
 * catalogue ({@link Topics}, {@link io.opencloud.events.Operation}, {@link EventTypes} and the schema files), so that
 * it cannot describe a topic or type the code does not have.
 *
 * <p>The generated document is checked in as the classpath resource {@value #RESOURCE} (in
 * {@code event-schemas/src/main/resources/}); its payloads refer to the type schemas beside it in
 * {@code event-schemas/}. {@code AsyncApiDocumentTest} fails when the checked-in copy differs from what this class
 * generates; to regenerate it after changing the catalogue, run
 * {@code ./mvnw -B -pl event-schemas verify -Dasyncapi.write=true} and commit the file.
 */
public final class AsyncApiDocument {

    /** Where the document is stored, relative to the classpath root. */
    public static final String RESOURCE = "asyncapi/asyncapi.json";

    private static final String ASYNCAPI_VERSION = "3.0.0";

    /*
     * The version of this API as a whole. Types carry their own versions in their names; raise this when a channel
     * or message is removed or changes incompatibly.
     */
    private static final String API_VERSION = "1.0.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    // Fixed indentation and line feeds, whatever the platform, so the checked-in copy compares byte for byte.
    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private AsyncApiDocument() {
    }

    public static ObjectNode build() {
        List<Channel> channels = Channels.all();
        ObjectNode document = JSON.objectNode().put("asyncapi", ASYNCAPI_VERSION);
        document.set("info", info());
        document.put("defaultContentType", Envelope.JSON);
        document.set("channels", channels(channels));
        document.set("operations", Operations.all(channels));
        document.set("components", components(channels));
        return document;
    }

    /** The document as pretty-printed JSON ending with a line feed, exactly as it is checked in. */
    public static String render() {
        try {
            return WRITER.writeValueAsString(build()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }

    private static ObjectNode info() {
        return JSON.objectNode()
                .put("title", "Open Cloud control plane events")
                .put("version", API_VERSION)
                .put("description", "Every Kafka channel and message of the Open Cloud control plane, generated "
                        + "from the event catalogue by " + AsyncApiDocument.class.getName() + ". Messages are "
                        + "CloudEvents 1.0 in the Kafka binding's binary mode: attributes in "
                        + Envelope.KAFKA_ATTRIBUTE_PREFIX + " headers, the data's media type in "
                        + Envelope.KAFKA_CONTENT_TYPE + ", the data as the record value, the saga id as the key. "
                        + "Each type's data is described by the JSON Schema (2020-12) named after the type in "
                        + "event-schemas/. Other systems publish on " + Topics.INGRESS + "; a record that cannot "
                        + "be processed is parked on its topic's .dlq twin, never dropped.");
    }

    private static ObjectNode channels(List<Channel> channels) {
        ObjectNode byId = JSON.objectNode();
        for (Channel channel : channels) {
            ObjectNode messages = JSON.objectNode();
            channel.messages().forEach(id -> messages.set(id, Refs.to(Refs.message(id))));
            ObjectNode node = JSON.objectNode().put("address", channel.topic());
            node.put("description", channel.description());
            node.set("messages", messages);
            byId.set(channel.topic(), node);
        }
        return byId;
    }

    /* Each message is defined once, in the order the channels first carry it, and referred to by every channel. */
    private static ObjectNode components(List<Channel> channels) {
        ObjectNode messages = JSON.objectNode();
        channels.stream().flatMap(channel -> channel.messages().stream()).distinct()
                .forEach(id -> messages.set(id, Messages.byId(id)));
        ObjectNode components = JSON.objectNode();
        components.set("schemas", JSON.objectNode().set(BinaryModeHeaders.SCHEMA_ID, BinaryModeHeaders.sharedSchema()));
        components.set("messages", messages);
        return components;
    }
}
