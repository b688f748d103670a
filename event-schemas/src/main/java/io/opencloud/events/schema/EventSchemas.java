package io.opencloud.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.opencloud.events.EventTypes;
import io.opencloud.events.envelope.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema of each CloudEvent type's data, read from the classpath folder {@code event-schemas/}, where the
 * schema of a type is the file named after the type (or its family, {@link EventTypes#schemaName}) and its example
 * event sits beside it.
 */
public final class EventSchemas {

    public static final String FOLDER = "event-schemas/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public static String schemaResource(String type) {
        return FOLDER + EventTypes.schemaName(type) + ".json";
    }

    public static String exampleResource(String type) {
        return FOLDER + EventTypes.schemaName(type) + ".example.json";
    }

    /** The schema of a known type, or empty when the type is unknown or ships no schema. */
    public Optional<Schema> schemaOf(String type) {
        if (!EventTypes.isKnown(type)) {
            return Optional.empty();
        }
        return Optional.ofNullable(schemas.computeIfAbsent(EventTypes.schemaName(type), EventSchemas::load));
    }

    /** Every violation of the type's schema, each named by its JSON Pointer from the event root. */
    public List<Violation> validate(String type, JsonNode data) {
        Schema schema = schemaOf(type).orElseThrow(() -> new IllegalArgumentException("no schema for type " + type));
        return schema.validate(data).stream()
                .map(error -> Violation.ofData(error.getInstanceLocation().toString(), error.getMessage()))
                .toList();
    }

    private static Schema load(String type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(schemaResource(type))) {
            return in == null ? null : REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema of " + type, e);
        }
    }
}
