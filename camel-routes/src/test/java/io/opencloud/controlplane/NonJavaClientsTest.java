package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.controlplane.access.FirstAdministrator;
import io.opencloud.events.Operation;
import io.opencloud.events.Topics;
import io.opencloud.infra.test.SharedTestRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's walk-through with clients that are not Java: kcat publishes a saga trigger on
 * {@code opencloud.ingress} in binary mode, curl finds the saga by the trigger's id and follows its stream to the
 * end. The clients are looked up on the PATH; CI installs kcat ({@code .ci/run}); where one is missing the test is
 * reported skipped, not passed.
 */
class NonJavaClientsTest extends ControlPlaneTestBase {

    private static final String TRIGGER = "io.opencloud.demo.grant.requested.v1";

    private static String run(String input, String... command) {
        Programs.Run run = Programs.run(null, input, Duration.ofSeconds(90), List.of(command));
        assertThat(run.finished()).as("%s finished; output: %s", command[0], run.output()).isTrue();
        assertThat(run.exitCode()).as("%s exit status; output: %s", command[0], run.output()).isZero();
        return run.output();
    }

    @Test
    void aTriggerPublishedWithKcatStartsASagaThatCurlWatchesToTheEnd() throws Exception {
        assumeThat(Programs.onPath("kcat")).as("kcat on the PATH (apt-get install kcat)").isTrue();
        assumeThat(Programs.onPath("curl")).as("curl on the PATH").isTrue();
        String id = "kcat-" + id();

        run("{\"resource\":\"s3://results/kcat\",\"action\":\"read\",\"ttlSeconds\":60}",
                "kcat", "-P", "-b", SharedTestRuntime.endpoints().kafkaBootstrap(), "-t", Topics.INGRESS, "-k", id,
                "-H", "ce_specversion=1.0", "-H", "ce_id=" + id, "-H", "ce_source=/demo/kcat", "-H", "ce_type=" + TRIGGER,
                "-H", "content-type=application/json");

        String base = "http://127.0.0.1:" + port;
        String authorization = "Authorization: Bearer " + http().token(FirstAdministrator.ADMIN_CLIENT,
                TestCredentials.ADMIN_SECRET);
        List<String> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode sagas = Http.JSON.readTree(run(null, "curl", "-s", "-H", authorization,
                    base + "/sagas?trigger=" + id));
            sagas.forEach(saga -> found.add(saga.get("sagaId").asString()));
            return !found.isEmpty();
        });
        String stream = run(null, "curl", "-s", "-N", "--max-time", "60", "-H", authorization,
                base + "/sagas/" + found.getFirst() + "/stream");

        assertThat(stream).contains("event:STARTED").contains("event:COMPLETED");
    }

    @Test
    void aStructuredEventPublishedWithKcatWithoutHeadersIsServed() throws Exception {
        assumeThat(Programs.onPath("kcat")).as("kcat on the PATH (apt-get install kcat)").isTrue();
        String id = "kcat-" + id();

        // A Kafka publisher reads its reply where Kafka clients do: on the events topic, by the saga it was keyed to.
        try (TopicReader replies = new TopicReader(Operation.ISSUE_MACAROON.eventsTopic(),
                record -> "io.opencloud.macaroon.issue.completed.v1".equals(TopicReader.header(record, "ce_type"))
                        && TopicReader.header(record, "ce_source") != null
                        && new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains("s3://results/kcat-"
                        + id.substring("kcat-".length())))) {
            run(Http.issueEvent(id, "s3://results/kcat-" + id.substring("kcat-".length()), "read", 60)
                            .replace("\n", " "),
                    "kcat", "-P", "-b", SharedTestRuntime.endpoints().kafkaBootstrap(), "-t", Topics.INGRESS, "-k", id);
            assertThat(replies.awaitAtLeast(1, Duration.ofSeconds(30))).hasSize(1);
        }
    }
}
