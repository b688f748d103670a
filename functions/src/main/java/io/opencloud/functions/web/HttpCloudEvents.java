package io.opencloud.functions.web;

import io.cloudevents.CloudEvent;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.EnvelopeReader;
import io.opencloud.events.envelope.MediaTypes;
import io.opencloud.events.envelope.Utf8;
import io.opencloud.events.envelope.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * The CloudEvents HTTP binding for one event: binary mode ({@code ce-} headers) or structured mode when reading,
 * binary mode when answering.
 */
public final class HttpCloudEvents {

    private static final String ATTRIBUTE_PREFIX = "ce-";

    private HttpCloudEvents() {
    }

    public static boolean isBinary(HttpServletRequest request) {
        return request.getHeader(ATTRIBUTE_PREFIX + "specversion") != null;
    }

    public static Decoded readBinary(HttpServletRequest request, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        return readBinary(headers, request.getContentType(), body);
    }

    /** An event in binary mode from its headers (any case, as they arrived) and its body. */
    public static Decoded readBinary(Map<String, String> headers, String contentType, byte[] body) {
        Map<String, String> attributes = new HashMap<>();
        List<Violation> undecodable = new ArrayList<>();
        headers.forEach((name, raw) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(ATTRIBUTE_PREFIX)) {
                String attribute = lower.substring(ATTRIBUTE_PREFIX.length());
                String value = percentDecode(raw);
                if (value == null) {
                    undecodable.add(Violation.ofAttribute(attribute, "header " + name
                            + " percent-encodes bytes that are not UTF-8"));
                } else {
                    attributes.put(attribute, value);
                }
            }
        });
        return undecodable.isEmpty() ? EnvelopeReader.fromBinary(attributes, contentType, body)
                : new Decoded.Rejected(undecodable);
    }

    public static Decoded readStructured(byte[] body) {
        return EnvelopeReader.fromStructured(body);
    }

    /**
     * The headers that carry an event in binary mode: each attribute as a {@code ce-} header, percent-encoded where
     * the binding asks for it, and the data's media type as {@code Content-Type}.
     */
    public static HttpHeaders binaryHeaders(CloudEvent event) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(ATTRIBUTE_PREFIX + "specversion", event.getSpecVersion().toString());
        headers.set(ATTRIBUTE_PREFIX + "id", percentEncode(event.getId()));
        headers.set(ATTRIBUTE_PREFIX + "source", percentEncode(event.getSource().toString()));
        headers.set(ATTRIBUTE_PREFIX + "type", percentEncode(event.getType()));
        if (event.getSubject() != null) {
            headers.set(ATTRIBUTE_PREFIX + "subject", percentEncode(event.getSubject()));
        }
        if (event.getTime() != null) {
            headers.set(ATTRIBUTE_PREFIX + "time", event.getTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (event.getDataSchema() != null) {
            headers.set(ATTRIBUTE_PREFIX + "dataschema", percentEncode(event.getDataSchema().toString()));
        }
        for (String name : event.getExtensionNames()) {
            headers.set(ATTRIBUTE_PREFIX + name, percentEncode(String.valueOf(event.getExtension(name))));
        }
        if (event.getDataContentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, event.getDataContentType());
        }
        return headers;
    }

    public static boolean isStructured(String contentType) {
        return MediaTypes.isStructuredCloudEvent(contentType);
    }

    public static boolean isBatch(String contentType) {
        return MediaTypes.essence(contentType).equals(MediaTypes.CLOUDEVENTS_BATCH_JSON);
    }

    /**
     * The HTTP binding percent-encodes header values outside printable ASCII; unlike form decoding, '+' stays '+'.
     * Null when the decoded bytes are not UTF-8.
     */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return Utf8.decode(bytes.toByteArray()).orElse(null);
    }

    /** Encodes the UTF-8 bytes of space, '"', '%' and everything outside printable ASCII as the binding requires. */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '"' && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
