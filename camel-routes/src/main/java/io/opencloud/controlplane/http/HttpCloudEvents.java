package io.opencloud.controlplane.http;

import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.EnvelopeReader;
import io.opencloud.events.envelope.MediaTypes;
import io.opencloud.events.envelope.Utf8;
import io.opencloud.events.envelope.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CloudEvents HTTP binding for one event: binary mode ({@code ce-} headers) or structured mode. */
public final class HttpCloudEvents {

    private static final String ATTRIBUTE_PREFIX = "ce-";

    private HttpCloudEvents() {
    }

    public static boolean isBinary(HttpServletRequest request) {
        return request.getHeader(ATTRIBUTE_PREFIX + "specversion") != null;
    }

    public static Decoded readBinary(HttpServletRequest request, byte[] body) {
        Map<String, String> attributes = new HashMap<>();
        List<Violation> undecodable = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(ATTRIBUTE_PREFIX)) {
                String attribute = lower.substring(ATTRIBUTE_PREFIX.length());
                String value = percentDecode(request.getHeader(name));
                if (value == null) {
                    undecodable.add(Violation.ofAttribute(attribute, "header " + name
                            + " percent-encodes bytes that are not UTF-8"));
                } else {
                    attributes.put(attribute, value);
                }
            }
        }
        return undecodable.isEmpty() ? EnvelopeReader.fromBinary(attributes, request.getContentType(), body)
                : new Decoded.Rejected(undecodable);
    }

    public static Decoded readStructured(byte[] body) {
        return EnvelopeReader.fromStructured(body);
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

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
