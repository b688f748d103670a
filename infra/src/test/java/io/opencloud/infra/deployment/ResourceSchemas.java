package io.opencloud.infra.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of the Kubernetes, Knative and Strimzi resources the deployment uses, kept as test resources under
 * {@code k8s-schemas/} (their README says where each comes from), and the check of a resource against its kind's.
 *
 * <p>Like {@code kubectl apply} with strict field validation, a field the schema does not name is an error: the
 * schemas leave unknown fields open, so every object schema that lists properties is closed when loaded, except
 * where Kubernetes itself keeps unknown fields ({@code x-kubernetes-preserve-unknown-fields}) and where the schema
 * lists none (Knative's fields behind feature flags, such as a volume's {@code persistentVolumeClaim}).
 */
public final class ResourceSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ResourceSchemas() {
    }

    /** Every way the resource breaks its kind's schema; a kind without a schema here is one violation. */
    public static List<String> violations(Map<String, Object> resource) {
        String key = resource.get("apiVersion") + "/" + resource.get("kind");
        Optional<Schema> schema = schemaOf(String.valueOf(resource.get("apiVersion")),
                String.valueOf(resource.get("kind")));
        if (schema.isEmpty()) {
            return List.of("no schema is kept for " + key);
        }
        return schema.get().validate(JSON.valueToTree(resource)).stream().map(Object::toString).toList();
    }

    static Optional<Schema> schemaOf(String apiVersion, String kind) {
        String file = "k8s-schemas/" + apiVersion.replace('/', '.') + "." + kind + ".json";
        Schema schema = SCHEMAS.computeIfAbsent(file, ResourceSchemas::load);
        return Optional.ofNullable(schema);
    }

    private static Schema load(String file) {
        try (InputStream in = ResourceSchemas.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return null;
            }
            JsonNode schema = JSON.readTree(in);
            // A CRD's schema may leave out what every resource has; the API server adds them, and so does this.
            if (schema.get("properties") instanceof ObjectNode root) {
                root.putIfAbsent("apiVersion", JSON.createObjectNode().put("type", "string"));
                root.putIfAbsent("kind", JSON.createObjectNode().put("type", "string"));
                root.putIfAbsent("metadata", JSON.createObjectNode().put("type", "object"));
            }
            close(schema);
            return REGISTRY.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object && !object.path("properties").isEmpty()
                && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        node.forEach(ResourceSchemas::close);
    }
}
