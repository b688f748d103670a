package io.opencloud.controlplane.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opencloud.infra.deployment.Kustomize;
import io.opencloud.infra.deployment.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's renderer ({@link Kustomize}) gives, for each overlay, the very resources {@code kubectl kustomize}
 * gives, so that what the other tests check is what a cluster receives. Needs {@code kubectl} on the PATH
 * ({@code .ci/run} installs it); reported skipped without it.
 */
class KustomizeAgreesWithKubectlTest {

    @ParameterizedTest
    @MethodSource("io.opencloud.controlplane.deployment.KnativeOverlaysTest#overlays")
    void rendersEachOverlayAsKubectlDoes(String overlay) throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not on the PATH");
        Path overlayDir = Path.of("../knative/overlays", overlay);
        Path rendered = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlayDir.toString())
                .redirectOutput(rendered.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).isZero();

        assertThat(sorted(Kustomize.build(overlayDir))).isEqualTo(sorted(Manifests.readAll(rendered)));
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> resources) {
        return resources.stream().sorted(Comparator.comparing(r -> r.get("kind") + "/" + Kustomize.metadata(r)
                .get("name"))).toList();
    }

    private static boolean kubectlAvailable() {
        try {
            Process probe = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
