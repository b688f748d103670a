package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencloud.events.schema.EventSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A type's JSON Schema and example event, read from the classpath folder the catalogue keeps them in. */
final class CatalogueFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    /* The document is stored one folder below the classpath root, as the schema folder is: "../" reaches the root. */
    private static final String DOCUMENT_TO_ROOT = "../";

    private CatalogueFiles() {
    }

    /** The type's schema file as a reference relative to the document, valid in the source tree and in the jar. */
    static String schemaReference(String type) {
        return DOCUMENT_TO_ROOT + EventSchemas.schemaResource(type);
    }

    static JsonNode schema(String type) {
        return read(EventSchemas.schemaResource(type));
    }

    static JsonNode example(String type) {
        return read(EventSchemas.exampleResource(type));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CatalogueFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the catalogue has no " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
