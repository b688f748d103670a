package io.opencloud.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencloud.events.Envelope;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Operation;
import io.opencloud.events.PingType;
import io.opencloud.events.ProgressType;
import io.opencloud.events.Topics;
import io.opencloud.events.TriggerType;
import io.opencloud.events.WebhookTypes;
import io.opencloud.events.schema.EventSchemas;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in AsyncAPI document is the one the catalogue generates, and it describes every topic and type of the
 * catalogue where they travel.
 *
 * <p>When the catalogue changes, the first test fails until the document is regenerated: run
 * {@code ./mvnw -B -pl event-schemas verify -Dasyncapi.write=true}, which writes the generated document over
 * {@code src/main/resources/asyncapi/asyncapi.json} before comparing, then commit the file.
 */
class AsyncApiDocumentTest {

    private static final String WRITE_PROPERTY = "asyncapi.write";

    // Surefire runs the tests in the module's folder.
    private static final Path CHECKED_IN = Path.of("src/main/resources").resolve(AsyncApiDocument.RESOURCE);

    private final ObjectNode document = AsyncApiDocument.build();

    @Test
    void theCheckedInDocumentIsTheOneTheCatalogueGenerates() throws IOException {
        String generated = AsyncApiDocument.render();
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, generated);
        }
        String regenerate = "regenerate it with ./mvnw -B -pl event-schemas verify -D" + WRITE_PROPERTY + "=true"
                + " and commit it";
        assertThat(CHECKED_IN).as("%s is missing; %s", CHECKED_IN, regenerate).exists();
        String checkedIn = Files.readString(CHECKED_IN);
        assertThat(checkedIn.equals(generated))
                .as("%s differs from what %s generates (%s); %s", CHECKED_IN, AsyncApiDocument.class.getSimpleName(),
                        firstDifference(checkedIn, generated), regenerate)
                .isTrue();
    }

    @Test
    void everyTopicIsAChannelAddressedByItsName() {
        assertThat(namesIn(document.get("channels"))).containsExactlyElementsOf(Topics.all());
        for (String topic : Topics.all()) {
            assertThat(document.get("channels").get(topic).get("address").asText()).isEqualTo(topic);
        }
    }

    @Test
    void theExpectationsBelowCoverEveryTypeOfTheCatalogue() {
        assertThat(topicsByType().keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    static List<String> types() {
        return EventTypes.all();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeIsAMessageOnExactlyTheTopicsItTravelsOn(String type) {
        List<String> carriedOn = new ArrayList<>();
        for (String topic : Topics.all()) {
            JsonNode message = document.get("channels").get(topic).get("messages").get(type);
            if (message != null) {
                assertThat(message.get("$ref").asText()).isEqualTo("#/components/messages/" + type);
                carriedOn.add(topic);
            }
        }
        assertThat(carriedOn).containsExactlyInAnyOrderElementsOf(topicsByType().get(type));
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeIsAMessageTitledAfterItsSchemaWhoseHeadersNameTheType(String type) {
        JsonNode message = document.at("/components/messages/" + type);
        assertThat(message.get("title").asText()).isEqualTo(CatalogueFiles.schema(type).get("title").asText());
        assertThat(message.get("contentType").asText()).isEqualTo(Envelope.JSON);
        assertThat(message.at("/payload/schemaFormat").asText()).isEqualTo(Messages.SCHEMA_FORMAT);
        JsonNode typeHeader = message.at("/headers/properties/" + Envelope.KAFKA_ATTRIBUTE_PREFIX + "type");
        if (type.equals(WebhookTypes.FAMILY)) {
            assertThat(WebhookTypes.type("github")).matches(typeHeader.get("pattern").asText());
        } else {
            assertThat(typeHeader.get("const").asText()).isEqualTo(type);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyPayloadRefersToTheTypesSchemaFileBesideTheDocument(String type) {
        String reference = document.at("/components/messages/" + type + "/payload/schema/$ref").asText();
        URI classpathRoot = URI.create("file:/classpath-root/");
        assertThat(classpathRoot.resolve(AsyncApiDocument.RESOURCE).resolve(reference))
                .isEqualTo(classpathRoot.resolve(EventSchemas.schemaResource(type)));
    }

    @Test
    void everyDeadLetterTopicCarriesParkedRecordsWithTheDeadLetterHeaders() {
        List<String> deadLetterTopics = Topics.all().stream().map(Topics::deadLetter)
                .filter(Topics.all()::contains).toList();
        assertThat(deadLetterTopics).contains(Topics.INGRESS_DLQ);
        for (String topic : deadLetterTopics) {
            assertThat(namesIn(document.get("channels").get(topic).get("messages")))
                    .containsExactly(Messages.DEAD_LETTER);
        }
        assertThat(document.at("/components/messages/" + Messages.DEAD_LETTER + "/headers/required"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(Envelope.DLQ_REASON_HEADER, Envelope.DLQ_TOPIC_HEADER,
                        Envelope.DLQ_PARTITION_HEADER, Envelope.DLQ_OFFSET_HEADER);
    }

    @Test
    void everyFunctionReceivesItsCommandsAndRepliesOnItsDomainsEventsTopic() {
        for (Operation op : Operation.values()) {
            JsonNode operation = document.get("operations").get(op.functionName());
            assertThat(operation).as("operation %s", op.functionName()).isNotNull();
            assertThat(operation.get("action").asText()).isEqualTo("receive");
            assertThat(operation.at("/channel/$ref").asText()).isEqualTo("#/channels/" + op.commandsTopic());
            assertThat(operation.get("messages")).extracting(ref -> ref.get("$ref").asText())
                    .containsExactly("#/channels/" + op.commandsTopic() + "/messages/" + op.requestedType());
            assertThat(operation.at("/reply/channel/$ref").asText()).isEqualTo("#/channels/" + op.eventsTopic());
            assertThat(operation.at("/reply/messages")).extracting(ref -> ref.get("$ref").asText()).containsExactly(
                    "#/channels/" + op.eventsTopic() + "/messages/" + op.completedType(),
                    "#/channels/" + op.eventsTopic() + "/messages/" + op.failedType());
        }
    }

    @Test
    void everyChannelHasAnOperationAndEveryOperationUsesMessagesOfItsOwnChannel() {
        Set<String> used = new HashSet<>();
        for (JsonNode operation : document.get("operations")) {
            String channel = operation.at("/channel/$ref").asText();
            used.add(channel);
            assertThat(operation.get("messages")).isNotEmpty()
                    .allSatisfy(ref -> assertThat(ref.get("$ref").asText()).startsWith(channel + "/messages/"));
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                Topics.all().stream().map(topic -> "#/channels/" + topic).toList());
    }

    @Test
    void everyReferenceInsideTheDocumentResolves() {
        List<String> references = new ArrayList<>();
        collectLocalReferences(document, references);
        assertThat(references).isNotEmpty()
                .allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    /* Where each type of the catalogue travels, spelled out independently of the generator. */
    private static Map<String, Set<String>> topicsByType() {
        Map<String, Set<String>> topics = new HashMap<>();
        for (Operation op : Operation.values()) {
            topics.put(op.requestedType(), Set.of(Topics.INGRESS, op.commandsTopic()));
            topics.put(op.completedType(), Set.of(op.eventsTopic()));
            topics.put(op.failedType(), Set.of(op.eventsTopic()));
        }
        for (TriggerType trigger : TriggerType.values()) {
            topics.put(trigger.type(), Set.of(Topics.INGRESS));
        }
        for (ProgressType progress : ProgressType.values()) {
            topics.put(progress.type(), Set.of(progress.eventsTopic()));
        }
        topics.put(PingType.TYPE, Set.of(Topics.INGRESS));
        topics.put(WebhookTypes.FAMILY, Set.of(Topics.WEBHOOK_EVENTS));
        return topics;
    }

    private static List<String> namesIn(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static void collectLocalReferences(JsonNode node, List<String> references) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
            references.add(ref.asText());
        }
        node.forEach(child -> collectLocalReferences(child, references));
    }

    private static String firstDifference(String checkedIn, String generated) {
        List<String> expected = generated.lines().toList();
        List<String> actual = checkedIn.lines().toList();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "<end of file>";
            String have = i < actual.size() ? actual.get(i) : "<end of file>";
            if (!want.equals(have)) {
                return "first at line " + (i + 1) + ": expected [" + want.strip() + "] but found [" + have.strip()
                        + "]";
            }
        }
        return "only in line endings";
    }
}
