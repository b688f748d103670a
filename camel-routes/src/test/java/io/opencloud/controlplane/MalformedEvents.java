package io.opencloud.controlplane;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Generates events that are wrong in every way a sender gets them wrong: random bytes, truncated JSON, wrong or
 * missing spec versions, attributes too long, attributes and data of the wrong type, unknown types, media types that
 * are not CloudEvents, missing binary-mode headers. Seeded, so that a failure can be replayed.
 */
final class MalformedEvents {

    /** One malformed HTTP request: its content type, extra headers and body; {@code kind} names the fault. */
    record Request(String kind, String contentType, Map<String, String> headers, byte[] body) {
    }

    /** One malformed Kafka record's value and headers; {@code kind} names the fault. */
    record Record(String kind, Map<String, byte[]> headers, byte[] value) {
    }

    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String ISSUE = "io.opencloud.macaroon.issue.requested.v1";
    private static final String[] WRONG_SPEC_VERSIONS = {"\"0.3\"", "\"2.0\"", "\"1\"", "\"\"", "\"1.0.0\"", "1.0",
        "null", "[\"1.0\"]"};
    private static final String[] WRONG_TYPED_FIELDS = {
        "\"id\":42", "\"source\":{}", "\"type\":[\"x\"]", "\"time\":\"yesterday\"", "\"datacontenttype\":5",
        "\"subject\":true", "\"sagaid\":{\"a\":1}", "\"dataschema\":\"::not a uri\"", "\"data_base64\":\"***\""};
    private static final String[] WRONG_DATA = {
        "{\"resource\":\"s3://a\",\"action\":\"read\",\"ttlSeconds\":\"soon\"}",
        "{\"action\":\"read\",\"ttlSeconds\":60}",
        "{\"resource\":\"s3://a\",\"action\":\"read\",\"ttlSeconds\":60,\"extra\":1}",
        "{\"resource\":\"\",\"action\":\"read\",\"ttlSeconds\":-1}",
        "\"a string\"", "[]", "null", "12"};
    private static final String[] WRONG_SPEC_VERSION_HEADERS = {"0.3", "2.0", "1", "", "1.0.0", "null", "v1.0"};
    private static final String[] OTHER_MEDIA_TYPES = {"text/plain", "application/xml", "multipart/form-data",
        "application/octet-stream", "image/png", "application/cloudevents+xml"};
    private static final String[] BINARY_HEADERS = {"specversion", "id", "source", "type"};

    private final Random random;

    MalformedEvents(long seed) {
        random = new Random(seed);
    }

    static String validEvent(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"/fuzz","type":"%s",
                 "data":{"resource":"s3://fuzz/%s","action":"read","ttlSeconds":60}}""".formatted(id, ISSUE, id);
    }

    Request request(int n) {
        String id = "fuzz-" + n;
        return switch (n % 10) {
            case 0 -> new Request("random bytes", STRUCTURED, Map.of(), randomBytes());
            case 1 -> new Request("binary mode, data not JSON", "application/json", binaryHeaders(id, "ce-"),
                    notJson());
            case 2 -> new Request("truncated JSON", STRUCTURED, Map.of(), truncated(validEvent(id)));
            case 3 -> new Request("wrong specversion", STRUCTURED, Map.of(), utf8(validEvent(id)
                    .replace("\"specversion\":\"1.0\"", "\"specversion\":" + pick(WRONG_SPEC_VERSIONS))));
            case 4 -> new Request("huge attribute", STRUCTURED, Map.of(), utf8(hugeAttribute(id)));
            case 5 -> new Request("attribute of the wrong type", STRUCTURED, Map.of(), utf8(wrongType(id)));
            case 6 -> new Request("data of the wrong shape", STRUCTURED, Map.of(), utf8(wrongData(id)));
            case 7 -> new Request("not a CloudEvents media type", pick(OTHER_MEDIA_TYPES), Map.of(),
                    utf8(validEvent(id)));
            case 8 -> random.nextBoolean()
                    ? new Request("binary mode, header missing", "application/json",
                            withoutOneHeader(binaryHeaders(id, "ce-")), utf8(data(id)))
                    : new Request("binary mode, header not UTF-8", "application/json",
                            withHeader(binaryHeaders(id, "ce-"), "ce-source", "/fuzz/%C3%28%FF"), utf8(data(id)));
            default -> new Request("batch with a bad event", "application/cloudevents-batch+json", Map.of(),
                    utf8("[" + validEvent(id + "-ok") + "," + wrongType(id) + "]"));
        };
    }

    Record record(int n) {
        String id = "fuzz-" + n;
        return switch (n % 10) {
            case 0 -> new Record("random bytes, no headers", Map.of(), randomBytes());
            case 1 -> new Record("random bytes, structured", Map.of("content-type", utf8(STRUCTURED)), randomBytes());
            case 2 -> new Record("truncated JSON", Map.of("content-type", utf8(STRUCTURED)),
                    truncated(validEvent(id)));
            case 3 -> new Record("wrong specversion", withHeader(binaryRecordHeaders(id), "ce_specversion",
                    utf8(pick(WRONG_SPEC_VERSION_HEADERS))), utf8(data(id)));
            case 4 -> new Record("huge attribute", withHeader(binaryRecordHeaders(id), "ce_id",
                    utf8("x".repeat(2049 + random.nextInt(4000)))), utf8(data(id)));
            case 5 -> new Record("attribute of the wrong type", Map.of("content-type", utf8(STRUCTURED)),
                    utf8(wrongType(id)));
            case 6 -> new Record("unknown type", withHeader(binaryRecordHeaders(id), "ce_type",
                    utf8("io.opencloud.fuzz." + random.nextInt(1000) + ".requested.v1")), utf8(data(id)));
            case 7 -> new Record("binary mode, header missing", withoutOneRecordHeader(binaryRecordHeaders(id)),
                    utf8(data(id)));
            case 8 -> new Record("header not UTF-8", withHeader(binaryRecordHeaders(id), "ce_source",
                    new byte[] {(byte) 0xc3, 0x28, (byte) 0xff}), utf8(data(id)));
            default -> new Record("data of the wrong shape", binaryRecordHeaders(id), utf8(pick(WRONG_DATA)));
        };
    }

    private static String data(String id) {
        return "{\"resource\":\"s3://fuzz/" + id + "\",\"action\":\"read\",\"ttlSeconds\":60}";
    }

    private Map<String, String> binaryHeaders(String id, String prefix) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(prefix + "specversion", "1.0");
        headers.put(prefix + "id", id);
        headers.put(prefix + "source", "/fuzz");
        headers.put(prefix + "type", ISSUE);
        return headers;
    }

    private Map<String, byte[]> binaryRecordHeaders(String id) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        binaryHeaders(id, "ce_").forEach((name, value) -> headers.put(name, utf8(value)));
        headers.put("content-type", utf8("application/json"));
        return headers;
    }

    private Map<String, String> withoutOneHeader(Map<String, String> headers) {
        headers.remove("ce-" + pick(BINARY_HEADERS));
        return headers;
    }

    private Map<String, byte[]> withoutOneRecordHeader(Map<String, byte[]> headers) {
        headers.remove("ce_" + pick(BINARY_HEADERS));
        return headers;
    }

    private static <V> Map<String, V> withHeader(Map<String, V> headers, String name, V value) {
        headers.put(name, value);
        return headers;
    }

    private String hugeAttribute(String id) {
        String huge = "h".repeat(2049 + random.nextInt(12_000));
        return switch (random.nextInt(3)) {
            case 0 -> validEvent(id).replace("\"id\":\"" + id + "\"", "\"id\":\"" + huge + "\"");
            case 1 -> validEvent(id).replace("\"source\":\"/fuzz\"", "\"source\":\"/" + huge + "\"");
            default -> validEvent(id).replace("\"specversion\"", "\"subject\":\"" + huge + "\",\"specversion\"");
        };
    }

    private String wrongType(String id) {
        String field = pick(WRONG_TYPED_FIELDS);
        String name = field.substring(0, field.indexOf(':'));
        String event = validEvent(id);
        int at = event.indexOf(name + ":");
        if (at < 0) {
            return event.replace("{\"specversion\"", "{" + field + ",\"specversion\"");
        }
        int end = event.indexOf(',', at);
        return event.substring(0, at) + field + event.substring(end);
    }

    private String wrongData(String id) {
        return validEvent(id).replaceFirst("\"data\":\\{[^}]*}", "\"data\":" + Matcher.quoteReplacement(pick(WRONG_DATA)));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(600)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xff;
        return bytes;
    }

    private byte[] notJson() {
        byte[] bytes = randomBytes();
        bytes[0] = '{';
        bytes[bytes.length - 1] = 0;
        return bytes;
    }

    private byte[] truncated(String json) {
        byte[] bytes = utf8(json);
        return Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 2));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
