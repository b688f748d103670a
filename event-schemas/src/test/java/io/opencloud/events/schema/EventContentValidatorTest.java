package io.opencloud.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.events.Operation;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.Violation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventContentValidatorTest {

    private final EventContentValidator validator = new EventContentValidator(new EventSchemas());

    private static CloudEvent issue(String data) {
        return CloudEventBuilder.v1().withId("1").withSource(URI.create("/t"))
                .withType(Operation.ISSUE_MACAROON.requestedType()).withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void acceptsDataThatSatisfiesTheSchema() {
        assertThat(validator.check(issue("{\"resource\":\"r\",\"action\":\"read\",\"ttlSeconds\":60}")))
                .isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void namesTheJsonPointerOfEachSchemaViolation() {
        Decoded.Rejected rejected = (Decoded.Rejected) validator.check(
                issue("{\"resource\":\"r\",\"action\":\"read\",\"ttlSeconds\":\"soon\"}"));

        assertThat(rejected.violations()).extracting(Violation::pointer).containsExactly("/data/ttlSeconds");
    }

    @Test
    void namesAMissingProperty() {
        Decoded.Rejected rejected = (Decoded.Rejected) validator.check(issue("{\"resource\":\"r\",\"action\":\"read\"}"));

        assertThat(rejected.reason()).contains("ttlSeconds");
    }

    @Test
    void refusesAnUnknownType() {
        CloudEvent event = CloudEventBuilder.v1().withId("1").withSource(URI.create("/t"))
                .withType("com.example.unknown").build();

        assertThat(((Decoded.Rejected) validator.check(event)).violations())
                .extracting(Violation::attribute).containsExactly("type");
    }

    @Test
    void refusesDataThatIsNotJson() {
        Decoded.Rejected rejected = (Decoded.Rejected) validator.check(issue("{not json"));

        assertThat(rejected.violations()).extracting(Violation::pointer).containsExactly("/data");
    }

    @Test
    void refusesAMissingData() {
        CloudEvent event = CloudEventBuilder.v1().withId("1").withSource(URI.create("/t"))
                .withType(Operation.ISSUE_MACAROON.requestedType()).build();

        assertThat(validator.check(event)).isInstanceOf(Decoded.Rejected.class);
    }
}
