package io.opencloud.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> binaryAttributes() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", "e-1");
        attributes.put("source", "/partners/a");
        attributes.put("type", "io.opencloud.macaroon.issue.requested.v1");
        return attributes;
    }

    @Test
    void readsABinaryEventWithExtensions() {
        Map<String, String> attributes = binaryAttributes();
        attributes.put("sagaid", "s-1");
        attributes.put("subject", "res");
        Decoded decoded = EnvelopeReader.fromBinary(attributes, "application/json", json("{\"a\":1}"));

        CloudEvent event = ((Decoded.Accepted) decoded).event();
        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getExtension("sagaid")).isEqualTo("s-1");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void namesEveryMissingRequiredAttribute() {
        Decoded decoded = EnvelopeReader.fromBinary(Map.of("specversion", "1.0"), null, null);

        assertThat(((Decoded.Rejected) decoded).violations()).extracting(Violation::attribute)
                .containsExactlyInAnyOrder("id", "source", "type");
    }

    @Test
    void refusesAnotherSpecVersion() {
        Map<String, String> attributes = binaryAttributes();
        attributes.put("specversion", "0.3");

        Decoded.Rejected rejected = (Decoded.Rejected) EnvelopeReader.fromBinary(attributes, null, null);

        assertThat(rejected.reason()).contains("attribute 'specversion'").contains("\"0.3\"");
    }

    @Test
    void refusesABadTimeAndABadExtensionName() {
        Map<String, String> attributes = binaryAttributes();
        attributes.put("time", "yesterday");
        attributes.put("Bad_Name", "x");

        Decoded.Rejected rejected = (Decoded.Rejected) EnvelopeReader.fromBinary(attributes, null, null);

        assertThat(rejected.violations()).extracting(Violation::attribute).containsExactlyInAnyOrder("time", "Bad_Name");
    }

    @Test
    void refusesHugeAttributes() {
        Map<String, String> attributes = binaryAttributes();
        attributes.put("id", "x".repeat(EnvelopeReader.MAX_ATTRIBUTE_LENGTH + 1));

        Decoded.Rejected rejected = (Decoded.Rejected) EnvelopeReader.fromBinary(attributes, null, null);

        assertThat(rejected.violations()).singleElement().extracting(Violation::attribute).isEqualTo("id");
    }

    @Test
    void readsAStructuredEventWithInlineJsonData() {
        Decoded decoded = EnvelopeReader.fromStructured(json("""
                {"specversion":"1.0","id":"1","source":"/s","type":"t","sagaid":"s-9","data":{"x":[1,2]}}"""));

        CloudEvent event = ((Decoded.Accepted) decoded).event();
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("sagaid")).isEqualTo("s-9");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":[1,2]}");
    }

    @Test
    void readsStructuredBase64Data() {
        Decoded decoded = EnvelopeReader.fromStructured(json("""
                {"specversion":"1.0","id":"1","source":"/s","type":"t","datacontenttype":"application/octet-stream",
                 "data_base64":"AAEC"}"""));

        assertThat(((Decoded.Accepted) decoded).event().getData().toBytes()).containsExactly(0, 1, 2);
    }

    @Test
    void refusesTruncatedJsonAndNonObjects() {
        assertThat(EnvelopeReader.fromStructured(json("{\"specversion\":\"1.0\",\"id\""))).isInstanceOf(Decoded.Rejected.class);
        assertThat(EnvelopeReader.fromStructured(json("[1,2]"))).isInstanceOf(Decoded.Rejected.class);
        assertThat(EnvelopeReader.fromStructured(new byte[] {(byte) 0xff, 0x00, 0x13})).isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void refusesAttributesOfTheWrongJsonType() {
        Decoded.Rejected rejected = (Decoded.Rejected) EnvelopeReader.fromStructured(json("""
                {"specversion":1.0,"id":7,"source":"/s","type":"t","extra":{"nested":true}}"""));

        assertThat(rejected.violations()).extracting(Violation::attribute)
                .containsExactlyInAnyOrder("specversion", "id", "extra");
    }
}
