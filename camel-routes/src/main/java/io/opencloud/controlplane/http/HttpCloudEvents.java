package io.opencloud.controlplane.http;

import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.EnvelopeReader;
import io.opencloud.events.envelope.MediaTypes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
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
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(ATTRIBUTE_PREFIX)) {
                attributes.put(lower.substring(ATTRIBUTE_PREFIX.length()), percentDecode(request.getHeader(name)));
            }
        }
        return EnvelopeReader.fromBinary(attributes, request.getContentType(), body);
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
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
