package io.opencloud.controlplane.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.infra.deployment.Kustomize;
import io.opencloud.infra.deployment.ResourceSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each overlay of {@code knative/} renders ({@link Kustomize}) to resources that their kinds' schemas accept, that
 * all live in the overlay's namespace, whose references all land on a resource of the rendering (or on one of the
 * Secrets production creates itself), and whose images name a registry.
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

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingIsInOneNamespaceThatTheControlPlaneKnows(String overlay) throws IOException {
        List<Map<String, Object>> resources = Kustomize.build(OVERLAYS.resolve(overlay));
        Set<Object> namespaces = new HashSet<>();
        resources.forEach(resource -> namespaces.add(Kustomize.metadata(resource).get("namespace")));
        assertThat(namespaces).hasSize(1).doesNotContainNull();
        // The control plane names a PingSource's pings by namespace and schedule: it must know where it runs.
        assertThat(RenderedResources.of(resources).configData(KnativeManifests.ENDPOINTS_CONFIG)
                .get("OPENCLOUD_NAMESPACE")).isEqualTo(namespaces.iterator().next());
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
