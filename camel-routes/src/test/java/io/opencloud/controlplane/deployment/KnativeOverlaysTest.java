package io.opencloud.controlplane.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.infra.deployment.Kustomize;
import io.opencloud.infra.deployment.Manifests;
import io.opencloud.infra.deployment.ResourceSchemas;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each overlay of {@code knative/} renders ({@link Kustomize}) to resources that their kinds' schemas accept, whose
 * references all land on a resource of the rendering (or on one of the Secrets production creates itself), and
 * whose images name a registry; production writes the database that {@code kafka/}'s outbox connector reads.
 */
class KnativeOverlaysTest {

    private static final Path OVERLAYS = Path.of("../knative/overlays");
    /** Created by hand in production, from the README, so that no credential is ever in a file. */
    private static final Set<String> SECRETS_MADE_BY_HAND = Set.of(KnativeManifests.CREDENTIALS_SECRET,
            KnativeManifests.SECRETS_KEY_SECRET);

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyResourceIsValidForItsKind(String overlay) throws IOException {
        List<Map<String, Object>> resources = Kustomize.build(OVERLAYS.resolve(overlay));
        assertThat(resources).hasSizeGreaterThan(50);
        for (Map<String, Object> resource : resources) {
            assertThat(ResourceSchemas.violations(resource)).as(describe(resource)).isEmpty();
        }
        assertThat(resources.stream().map(KnativeOverlaysTest::describe)).doesNotHaveDuplicates();
    }

    /**
     * The outbox connector of {@code kafka/} (one, for production) reads the database the production control plane
     * writes, over TLS as it does, with the credentials of the Secret in the control plane's namespace.
     */
    @Test
    void productionWritesTheDatabaseTheOutboxConnectorReads() throws IOException {
        List<Map<String, Object>> resources = Kustomize.build(OVERLAYS.resolve("prod"));
        String namespace = (String) Kustomize.metadata(resources.getFirst()).get("namespace");
        URI db = URI.create(((String) RenderedResources.of(resources).configData(KnativeManifests.ENDPOINTS_CONFIG)
                .get("OPENCLOUD_DB_URL")).substring("jdbc:".length()));
        @SuppressWarnings("unchecked")
        Map<String, Object> connector = (Map<String, Object>) RenderedResources.map(
                Manifests.readOne(Path.of("../kafka/outbox-connector.yaml")), "spec").get("config");

        assertThat(connector).containsEntry("database.hostname", db.getHost())
                .containsEntry("database.port", Integer.toString(db.getPort()))
                .containsEntry("database.dbname", db.getPath().substring(1))
                .containsEntry("database.sslmode", "require")
                .containsEntry("database.password", "${secrets:" + namespace + "/"
                        + KnativeManifests.CREDENTIALS_SECRET + ":OPENCLOUD_DB_PASSWORD}");
        assertThat(db.getQuery()).isEqualTo("sslmode=require");
        assertThat(resources).allSatisfy(r -> assertThat(Kustomize.metadata(r).get("namespace")).isEqualTo(namespace));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferenceLandsOnAResourceOfTheOverlay(String overlay) throws IOException {
        RenderedResources rendered = RenderedResources.of(Kustomize.build(OVERLAYS.resolve(overlay)));
        List<String> dangling = new ArrayList<>();
        for (RenderedResources.Reference reference : rendered.references()) {
            boolean handMade = reference.kind().equals("Secret") && SECRETS_MADE_BY_HAND.contains(reference.name());
            if (!handMade && !rendered.has(reference.kind(), reference.name())) {
                dangling.add(reference.toString());
            }
        }
        assertThat(dangling).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageComesFromARegistryWithAVersion(String overlay) throws IOException {
        RenderedResources rendered = RenderedResources.of(Kustomize.build(OVERLAYS.resolve(overlay)));
        assertThat(rendered.images()).isNotEmpty().allSatisfy(image -> assertThat(image)
                .as("image %s", image).matches("[a-z0-9.-]+(:[0-9]+)?/[a-z0-9./-]+(:[\\w.-]+|@sha256:[0-9a-f]{64})"));
    }

    private static String describe(Map<String, Object> resource) {
        return resource.get("kind") + " " + Kustomize.metadata(resource).get("name");
    }
}
