package io.opencloud.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.EnvelopeReader;
import io.opencloud.events.schema.EventContentValidator;
import io.opencloud.events.schema.EventSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    private final EventSchemas schemas = new EventSchemas();
    private final EventContentValidator validator = new EventContentValidator(schemas);

    static List<String> types() {
        return Stream.concat(EventTypes.all().stream(), EventTypes.peerTypes().stream()).toList();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeHasASchema(String type) {
        assertThat(schemas.schemaOf(type)).as("schema %s", EventSchemas.schemaResource(type)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeHasAnExampleThatIsAValidEventOfThatType(String type) throws IOException {
        byte[] example;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventSchemas.exampleResource(type))) {
            assertThat(in).as("example %s", EventSchemas.exampleResource(type)).isNotNull();
            example = in.readAllBytes();
        }
        Decoded envelope = EnvelopeReader.fromStructured(example);
        assertThat(envelope).isInstanceOf(Decoded.Accepted.class);
        Decoded.Accepted accepted = (Decoded.Accepted) envelope;
        assertThat(EventTypes.schemaName(accepted.event().getType())).isEqualTo(type);
        assertThat(validator.check(accepted.event())).isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void theSchemaFolderHoldsNothingButSchemasAndExamplesOfKnownTypes() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource(EventSchemas.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> strays = files.map(p -> p.getFileName().toString())
                    .map(name -> name.replaceFirst("(\\.example)?\\.json$", ""))
                    .filter(type -> !EventTypes.isKnown(type))
                    .toList();
            assertThat(strays).as("files for types no Operation declares").isEmpty();
        }
    }

    @Test
    void ownTypesFollowTheNamingConventionAndTheOnlyForeignOneIsTheKnativePing() {
        assertThat(types()).filteredOn(t -> !t.equals(WebhookTypes.FAMILY))
                .filteredOn(t -> ProgressType.of(t).isEmpty())
                .allMatch(t -> t.equals(PingType.TYPE)
                        || t.matches("io\\.opencloud\\.[a-z]+\\.[a-z]+\\.(requested|completed|failed)\\.v\\d+"));
        assertThat(Arrays.stream(ProgressType.values()).map(ProgressType::type))
                .allMatch(t -> t.matches("io\\.opencloud\\.[a-z]+\\.[a-z]+\\.(started|completed|failed)\\.v\\d+"))
                .noneMatch(t -> Arrays.stream(Operation.values()).anyMatch(op -> op.types().contains(t)));
        assertThat(WebhookTypes.type("git-lab")).isEqualTo("io.opencloud.webhook.git-lab.received.v1");
    }

    @Test
    void everyWebhookSourceSharesTheFamilySchemaAndOddNamesAreRefused() {
        assertThat(EventTypes.isKnown("io.opencloud.webhook.github.received.v1")).isTrue();
        assertThat(EventTypes.isKnown("io.opencloud.webhook.Git Hub.received.v1")).isFalse();
        assertThat(schemas.schemaOf("io.opencloud.webhook.gitea.received.v1")).isPresent();
        assertThatThrownBy(() -> WebhookTypes.type("a.b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPingSourceNamesItsSchedule() {
        assertThat(PingType.scheduleOf(PingType.source("opencloud", "nightly"))).isEqualTo("nightly");
        assertThat(PingType.scheduleOf("/apis/v1/namespaces/x/pingsources/")).isNull();
        assertThat(PingType.scheduleOf("/partners/esa")).isNull();
    }

    @Test
    void everyDomainHasCommandEventAndDeadLetterTopics() {
        assertThat(Topics.all()).contains("opencloud.ingress", "opencloud.ingress.dlq",
                "opencloud.macaroon.commands", "opencloud.macaroon.commands.dlq", "opencloud.macaroon.events",
                "opencloud.webhook.events");
    }
}
