package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official JSON Schema of an AsyncAPI 3.0.0 document, vendored as a test resource (its origin and licence are in
 * the README beside it). It is draft-07, and its references are all local, so validating needs no network.
 */
final class OfficialAsyncApiSchema {

    private static final String RESOURCE = "asyncapi/3.0.0-without-id.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    private final Schema schema;

    OfficialAsyncApiSchema() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            schema = REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every violation, as "instance location: message"; empty when the document is valid AsyncAPI 3.0.0. */
    List<String> violations(JsonNode document) {
        return schema.validate(document).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
