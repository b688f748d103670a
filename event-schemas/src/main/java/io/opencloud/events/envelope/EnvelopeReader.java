package io.opencloud.events.envelope;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.events.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CloudEvents 1.0 envelope from the attributes of a binary-mode message or from a structured JSON document,
 * and reports every attribute at fault by name instead of stopping at the first.
 *
 * <p>The SDK's own readers throw on the first problem with messages that do not always name the attribute; the
 * people who send us events need to know exactly what to fix, so the envelope rules are checked here.
 */
public final class EnvelopeReader {

    /** Longest attribute value accepted; anything longer is an attack or a mistake, never a real id or source. */
    public static final int MAX_ATTRIBUTE_LENGTH = 2048;

    private static final Set<String> CONTEXT_ATTRIBUTES =
            Set.of("specversion", "id", "source", "type", "datacontenttype", "dataschema", "subject", "time");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvelopeReader() {
    }

    /**
     * Binary mode: {@code attributes} holds the context attributes and extensions by their CloudEvents name (the
     * transport prefix removed, values already decoded), {@code contentType} the data's media type, if any.
     */
    public static Decoded fromBinary(Map<String, String> attributes, String contentType, byte[] data) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>(attributes);
        if (contentType != null && !contentType.isBlank()) {
            values.put("datacontenttype", contentType);
        }
        CloudEventBuilder builder = readAttributes(values, violations);
        if (data != null && data.length > 0) {
            builder.withData(data);
        }
        return finish(builder, violations);
    }

    /** Structured mode: the whole event is one JSON object, with the data inline or as data_base64. */
    public static Decoded fromStructured(byte[] document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JacksonException e) {
            return Decoded.Rejected.of(Violation.ofAttribute("(envelope)",
                    "not a JSON document: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        if (root == null || !root.isObject()) {
            return Decoded.Rejected.of(Violation.ofAttribute("(envelope)", "a structured CloudEvent is a JSON object"));
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("data") || name.equals("data_base64") || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                values.put(name, value.textValue());
            } else if (CONTEXT_ATTRIBUTES.contains(name)) {
                values.put(name, value);
            } else if (value.isBoolean()) {
                values.put(name, value.booleanValue());
            } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                values.put(name, value.intValue());
            } else {
                violations.add(Violation.ofAttribute(name,
                        "must be a string, a boolean or a 32-bit integer, not " + value.getNodeType().name().toLowerCase()));
            }
        }
        CloudEventBuilder builder = readAttributes(values, violations);
        JsonNode data = root.get("data");
        JsonNode dataBase64 = root.get("data_base64");
        if (data != null && dataBase64 != null) {
            violations.add(Violation.ofAttribute("data_base64", "an event carries either data or data_base64, not both"));
        } else if (dataBase64 != null && !dataBase64.isNull()) {
            readBase64(dataBase64, builder, violations);
        } else if (data != null && !data.isNull()) {
            builder.withData(data.isTextual() && !isJson(values.get("datacontenttype"))
                    ? data.textValue().getBytes(StandardCharsets.UTF_8)
                    : data.toString().getBytes(StandardCharsets.UTF_8));
            if (!values.containsKey("datacontenttype")) {
                builder.withDataContentType(Envelope.JSON);
            }
        }
        return finish(builder, violations);
    }

    private static void readBase64(JsonNode dataBase64, CloudEventBuilder builder, List<Violation> violations) {
        if (!dataBase64.isTextual()) {
            violations.add(Violation.ofAttribute("data_base64", "must be a base64 string"));
            return;
        }
        try {
            builder.withData(Base64.getDecoder().decode(dataBase64.textValue()));
        } catch (IllegalArgumentException e) {
            violations.add(Violation.ofAttribute("data_base64", "is not valid base64: " + e.getMessage()));
        }
    }

    private static boolean isJson(Object contentType) {
        return contentType == null || (contentType instanceof String s && MediaTypes.isJson(s));
    }

    private static CloudEventBuilder readAttributes(Map<String, Object> values, List<Violation> violations) {
        CloudEventBuilder builder = CloudEventBuilder.v1();
        Object specversion = values.get("specversion");
        if (specversion == null) {
            violations.add(Violation.ofAttribute("specversion", "is required"));
        } else if (!Envelope.SPEC_VERSION.equals(specversion)) {
            violations.add(Violation.ofAttribute("specversion", "must be \"1.0\", got " + quote(specversion)));
        }
        String id = requiredString(values, "id", violations);
        if (id != null) {
            builder.withId(id);
        }
        String source = requiredString(values, "source", violations);
        if (source != null) {
            uri(source, "source", false, violations).ifPresent(builder::withSource);
        }
        String type = requiredString(values, "type", violations);
        if (type != null) {
            builder.withType(type);
        }
        String contentType = optionalString(values, "datacontenttype", violations);
        if (contentType != null) {
            if (MEDIA_TYPE.matcher(contentType).matches()) {
                builder.withDataContentType(contentType);
            } else {
                violations.add(Violation.ofAttribute("datacontenttype", "is not a media type: " + quote(contentType)));
            }
        }
        String dataschema = optionalString(values, "dataschema", violations);
        if (dataschema != null) {
            uri(dataschema, "dataschema", true, violations).ifPresent(builder::withDataSchema);
        }
        String subject = optionalString(values, "subject", violations);
        if (subject != null) {
            builder.withSubject(subject);
        }
        String time = optionalString(values, "time", violations);
        if (time != null) {
            try {
                builder.withTime(OffsetDateTime.parse(time));
            } catch (DateTimeParseException e) {
                violations.add(Violation.ofAttribute("time", "must be an RFC 3339 timestamp, got " + quote(time)));
            }
        }
        values.forEach((name, value) -> {
            if (!CONTEXT_ATTRIBUTES.contains(name)) {
                readExtension(builder, name, value, violations);
            }
        });
        return builder;
    }

    private static void readExtension(CloudEventBuilder builder, String name, Object value, List<Violation> violations) {
        if (!EXTENSION_NAME.matcher(name).matches()) {
            violations.add(Violation.ofAttribute(truncate(name),
                    "is not a valid attribute name (lower-case letters and digits, at most 20)"));
            return;
        }
        switch (value) {
            case String s when s.length() > MAX_ATTRIBUTE_LENGTH -> violations.add(tooLong(name, s));
            case String s -> builder.withExtension(name, s);
            case Boolean b -> builder.withExtension(name, b);
            case Integer i -> builder.withExtension(name, i);
            default -> violations.add(Violation.ofAttribute(name, "has an unsupported value type"));
        }
    }

    private static Optional<URI> uri(String value, String name, boolean absolute, List<Violation> violations) {
        try {
            URI uri = new URI(value);
            if (absolute && !uri.isAbsolute()) {
                violations.add(Violation.ofAttribute(name, "must be an absolute URI, got " + quote(value)));
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            violations.add(Violation.ofAttribute(name, "must be a URI-reference: " + e.getReason()));
            return Optional.empty();
        }
    }

    private static String requiredString(Map<String, Object> values, String name, List<Violation> violations) {
        if (!values.containsKey(name)) {
            violations.add(Violation.ofAttribute(name, "is required"));
            return null;
        }
        String value = optionalString(values, name, violations);
        if (value != null && value.isEmpty()) {
            violations.add(Violation.ofAttribute(name, "must not be empty"));
            return null;
        }
        return value;
    }

    private static String optionalString(Map<String, Object> values, String name, List<Violation> violations) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            violations.add(Violation.ofAttribute(name, "must be a string, got " + quote(value)));
            return null;
        }
        if (s.length() > MAX_ATTRIBUTE_LENGTH) {
            violations.add(tooLong(name, s));
            return null;
        }
        return s;
    }

    private static Violation tooLong(String name, String value) {
        return Violation.ofAttribute(name,
                "is " + value.length() + " characters long; at most " + MAX_ATTRIBUTE_LENGTH + " are accepted");
    }

    private static Decoded finish(CloudEventBuilder builder, List<Violation> violations) {
        if (!violations.isEmpty()) {
            return new Decoded.Rejected(violations);
        }
        CloudEvent event = builder.build();
        return new Decoded.Accepted(event);
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + truncate(s) + "\"" : String.valueOf(value);
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
