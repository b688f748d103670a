package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reference objects into the document. Channel and message ids are topic names and CloudEvent types, which hold
 * neither {@code /} nor {@code ~}, so they stand in a JSON Pointer as they are.
 */
final class Refs {

    private Refs() {
    }

    static ObjectNode to(String pointer) {
        return JsonNodeFactory.instance.objectNode().put("$ref", pointer);
    }

    static String channel(String topic) {
        return "#/channels/" + topic;
    }

    static String channelMessage(String topic, String messageId) {
        return channel(topic) + "/messages/" + messageId;
    }

    static String message(String messageId) {
        return "#/components/messages/" + messageId;
    }

    static String schema(String schemaId) {
        return "#/components/schemas/" + schemaId;
    }
}
