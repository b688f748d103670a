package io.opencloud.controlplane.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.opencloud.events.Envelope;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.EnvelopeReader;
import io.opencloud.events.envelope.MediaTypes;
import io.opencloud.events.envelope.Utf8;
import io.opencloud.events.envelope.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CloudEvents Kafka protocol binding over Camel message headers: binary mode ({@code ce_} headers, the data's
 * media type in {@code content-type}, the data as the record value) and structured mode (the whole event as JSON).
 */
public final class KafkaCloudEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaCloudEvents() {
    }

    /** Reads a consumed record; any header value may be bytes (as consumed) or a string. */
    public static Decoded read(Map<String, Object> headers, byte[] value) {
        Map<String, String> attributes = new HashMap<>();
        String contentType = null;
        List<Violation> undecodable = new ArrayList<>();
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            boolean attribute = name.startsWith(Envelope.KAFKA_ATTRIBUTE_PREFIX);
            if (!attribute && !name.equals(Envelope.KAFKA_CONTENT_TYPE)) {
                continue;
            }
            String text = text(header.getValue());
            if (text == null) {
                undecodable.add(Violation.ofAttribute(attribute ? name.substring(Envelope.KAFKA_ATTRIBUTE_PREFIX
                        .length()) : "datacontenttype", "header " + header.getKey() + " is not UTF-8 text"));
            } else if (attribute) {
                attributes.put(name.substring(Envelope.KAFKA_ATTRIBUTE_PREFIX.length()), text);
            } else {
                contentType = text;
            }
        }
        if (!undecodable.isEmpty()) {
            return new Decoded.Rejected(undecodable);
        }
        byte[] body = value == null ? new byte[0] : value;
        if (MediaTypes.isStructuredCloudEvent(contentType)) {
            return EnvelopeReader.fromStructured(body);
        }
        if (!attributes.isEmpty()) {
            return EnvelopeReader.fromBinary(attributes, contentType, body);
        }
        // Producers such as kcat send a structured event without saying so; accept it when it plainly is one.
        if (looksStructured(body)) {
            return EnvelopeReader.fromStructured(body);
        }
        return Decoded.Rejected.of(Violation.ofAttribute("specversion", "the record is not a CloudEvent: it has no "
                + "ce_specversion header (binary mode) and its content-type is not " + MediaTypes.CLOUDEVENTS_JSON));
    }

    /** Binary-mode headers for producing the event; the record value is the event's data. */
    public static Map<String, String> headersOf(CloudEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + "specversion", event.getSpecVersion().toString());
        headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + "id", event.getId());
        headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + "source", event.getSource().toString());
        headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + "type", event.getType());
        if (event.getSubject() != null) {
            headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + "subject", event.getSubject());
        }
        if (event.getTime() != null) {
            headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + "time", event.getTime().toString());
        }
        if (event.getDataSchema() != null) {
            headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + "dataschema", event.getDataSchema().toString());
        }
        for (String name : event.getExtensionNames()) {
            headers.put(Envelope.KAFKA_ATTRIBUTE_PREFIX + name, String.valueOf(event.getExtension(name)));
        }
        if (event.getDataContentType() != null) {
            headers.put(Envelope.KAFKA_CONTENT_TYPE, event.getDataContentType());
        }
        return headers;
    }

    public static byte[] dataOf(CloudEvent event) {
        return event.getData() == null ? new byte[0] : event.getData().toBytes();
    }

    private static boolean looksStructured(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.has("specversion");
        } catch (IOException e) {
            return false;
        }
    }

    /* The Kafka binding carries attributes as UTF-8 bytes; null when they are not. */
    private static String text(Object value) {
        return value instanceof byte[] bytes ? Utf8.decode(bytes).orElse(null) : String.valueOf(value);
    }
}
