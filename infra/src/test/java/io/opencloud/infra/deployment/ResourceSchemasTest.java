package io.opencloud.infra.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ResourceSchemasTest {

    private static final String TRIGGER = """
            apiVersion: eventing.knative.dev/v1
            kind: Trigger
            metadata:
              name: issue-macaroon
            spec:
              broker: opencloud
              filter:
                attributes:
                  type: io.opencloud.macaroon.issue.requested.v1
              subscriber:
                ref:
                  apiVersion: serving.knative.dev/v1
                  kind: Service
                  name: issue-macaroon
            """;

    @Test
    void acceptsAResourceItsSchemaDescribes() {
        assertThat(ResourceSchemas.violations(load(TRIGGER))).isEmpty();
    }

    @Test
    void refusesAFieldTheSchemaDoesNotName() {
        List<String> violations = ResourceSchemas.violations(load(TRIGGER.replace("filter:", "filtre:")));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("filtre"));
    }

    @Test
    void refusesAValueOfTheWrongType() {
        Map<String, Object> topic = load("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: opencloud-ingress
                spec:
                  partitions: six
                """);
        assertThat(ResourceSchemas.violations(topic)).anySatisfy(v -> assertThat(v).contains("/spec/partitions"));
    }

    @Test
    void refusesAKindWithoutASchema() {
        Map<String, Object> resource = new LinkedHashMap<>(Map.of("apiVersion", "example.com/v1", "kind", "Gadget"));
        assertThat(ResourceSchemas.violations(resource)).containsExactly("no schema is kept for example.com/v1/Gadget");
    }

    private static Map<String, Object> load(String yaml) {
        return new Yaml().load(yaml);
    }
}
