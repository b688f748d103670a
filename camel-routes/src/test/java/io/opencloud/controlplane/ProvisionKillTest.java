package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A control plane killed with SIGKILL while Terraform applies a provision, and started again on the same data
 * directory: the apply command is served again, from the state the killed run left, and the provision reaches
 * RUNNING with every host created exactly once.
 */
class ProvisionKillTest {

    private static final int HOSTS = 12;

    @TempDir
    Path dataDir;

    @Test
    void aProvisionKilledDuringItsApplyFinishesAfterTheRestartWithNoHostCreatedTwice() throws Exception {
        CrashablePlane plane = new CrashablePlane(dataDir,
                "--opencloud.sagas.provision-infrastructure.apply-timeout=PT90S");
        plane.start();
        try {
            Http http = plane.http();
            HttpResponse<String> provider = http.postJson("/providers", """
                    {"name":"lab","template":"local","connection":{"site":"lab","token":"t"}}""");
            assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
            HttpResponse<String> created = http.postJson("/provisions", """
                    {"name":"edge-killed","provider":"lab","owner":"alice",
                     "hosts":[{"name":"edge","count":%d,"attributes":{"create_seconds":2}}]}""".formatted(HOSTS));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            String id = Http.JSON.readTree(created.body()).get("id").asString();
            Path hosts = plane.home().resolve("edge/local").resolve(id).resolve("host");

            // Kill once Terraform is creating hosts: their provisioners are running, none has finished.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count(hosts, ".attempts") > 0);
            long recordsAtKill = count(hosts, ".json");
            plane.killAndRestart();

            JsonNode provision = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Http.JSON.readTree(plane.http().get("/provisions/" + id).body()),
                            p -> List.of("RUNNING", "ERROR").contains(p.get("state").asString()));
            assertThat(provision.get("state").asString()).as(provision.toString()).isEqualTo("RUNNING");
            assertThat(recordsAtKill).isLessThan(HOSTS);
            assertThat(provision.get("hosts")).hasSize(HOSTS)
                    .allSatisfy(host -> assertThat(host.get("state").asString()).isEqualTo("RUNNING"));
            List<String> expected = new ArrayList<>(List.of("cluster edge-killed"));
            IntStream.rangeClosed(1, HOSTS).forEach(n -> expected.add("host edge-" + n));
            List<String> creations = Files.readAllLines(hosts.getParent().resolve("created.log"));
            assertThat(creations).as("each record is created once").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(plane.count("SELECT count(*) FROM saga_history WHERE transition = 'PROGRESS'"))
                    .isGreaterThan(HOSTS);
        } finally {
            plane.stop();
        }
    }

    private static long count(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(suffix)).count();
        }
    }
}
