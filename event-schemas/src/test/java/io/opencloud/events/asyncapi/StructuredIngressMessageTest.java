package io.opencloud.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structured-mode message of the ingress channel is a working JSON Schema: the catalogue's examples of the types
 * the ingress accepts pass it, and it binds each event's data to its type's schema file.
 */
class StructuredIngressMessageTest {

    // The payload's references are relative to the document, so it is loaded from where the document is stored.
    private static final Schema STRUCTURED = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(
                            SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()))
            .getSchema(SchemaLocation.of("classpath:" + AsyncApiDocument.RESOURCE), AsyncApiDocument.build()
                    .at("/components/messages/" + Messages.STRUCTURED_INGRESS + "/payload/schema"));

    static List<String> ingressTypes() {
        return EventTypes.ingressTypes();
    }

    @ParameterizedTest
    @MethodSource("ingressTypes")
    void theExampleOfEveryTypeTheIngressAcceptsPasses(String type) {
        assertThat(STRUCTURED.validate(CatalogueFiles.example(type))).isEmpty();
    }

    @Test
    void dataThatBreaksItsTypesSchemaFails() {
        ObjectNode event = (ObjectNode) CatalogueFiles.example(Operation.ISSUE_MACAROON.requestedType());
        ((ObjectNode) event.get("data")).put("ttlSeconds", "an hour");

        assertThat(STRUCTURED.validate(event)).extracting(error -> error.getInstanceLocation().toString())
                .containsExactly("/data/ttlSeconds");
    }

    @Test
    void aReplyIsNotAnEventTheIngressAccepts() {
        JsonNode reply = CatalogueFiles.example(Operation.ISSUE_MACAROON.completedType());

        assertThat(STRUCTURED.validate(reply)).extracting(error -> error.getInstanceLocation().toString())
                .contains("/type");
    }

    @Test
    void anEventCarriesItsDataInlineOrInBase64ButNotBoth() {
        ObjectNode event = (ObjectNode) CatalogueFiles.example(Operation.ISSUE_MACAROON.requestedType());
        event.put("data_base64", "e30=");

        assertThat(STRUCTURED.validate(event)).isNotEmpty();
    }
}
