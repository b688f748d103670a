package io.opencloud.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.opencloud.events.Envelope;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The headers schema of each type's message accepts the catalogue's example of that type and refuses a bad one. */
class MessageHeadersTest {

    // Message headers are AsyncAPI schemas, a superset of draft-07.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    private final ObjectNode document = AsyncApiDocument.build();

    static List<String> types() {
        return EventTypes.all();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theExampleOfEveryTypeHasTheHeadersItsMessageDescribes(String type) {
        JsonNode example = document.at("/components/messages/" + type + "/examples/0/headers");

        assertThat(example.isObject()).isTrue();
        assertThat(violationsOfHeaders(type, example)).isEmpty();
    }

    @Test
    void aReplyWithoutTheIdOfItsCommandIsRefused() {
        String type = Operation.ISSUE_MACAROON.completedType();
        ObjectNode headers = (ObjectNode) document.at("/components/messages/" + type + "/examples/0/headers")
                .deepCopy();
        headers.remove(BinaryModeHeaders.header(Envelope.CAUSATION_ID));

        assertThat(violationsOfHeaders(type, headers)).isNotEmpty();
    }

    @Test
    void aCommandUnderAnotherTypeIsRefused() {
        String type = Operation.ISSUE_MACAROON.requestedType();
        ObjectNode headers = (ObjectNode) document.at("/components/messages/" + type + "/examples/0/headers")
                .deepCopy();
        headers.put(BinaryModeHeaders.header("type"), Operation.VERIFY_MACAROON.requestedType());

        assertThat(violationsOfHeaders(type, headers)).isNotEmpty();
    }

    /*
     * The headers schema refers to the shared one under components, so it is checked from the document's root: a
     * copy of the document whose root refers to the message's headers.
     */
    private List<Error> violationsOfHeaders(String type, JsonNode headers) {
        ObjectNode root = document.deepCopy();
        root.put("$ref", "#/components/messages/" + type + "/headers");
        return REGISTRY.getSchema(root).validate(headers);
    }
}
