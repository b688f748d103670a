package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.infra.test.SharedTestRuntime;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Providers and provisions on the embedded runtime with the real terraform binary and the {@code local} driver: a
 * provision of twenty hosts reaches RUNNING and is deleted, a flaky host is retried on its own, a host that never
 * comes up is cleaned up with nothing left in the state, and connection secrets never come back out.
 */
class ProvisionTest extends ControlPlaneTestBase {

    private static final Duration PROVISION_TIME = Duration.ofSeconds(120);
    private static final String TOKEN = "tok-" + UUID.randomUUID();

    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());
    private final TestObjects objects = new TestObjects();

    @Test
    void aProviderIsCheckedAgainstItsTemplateAndItsConnectionNeverComesBack() {
        HttpResponse<String> templates = http().get("/providers/templates");
        assertThat(templates.body()).contains("\"name\":\"local\"", "host_image", "rocky-9");

        HttpResponse<String> refused = http().postJson("/providers", """
                {"name":"Bad Name","template":"local","connection":{"site":"lab","colour":"blue"},
                 "inputs":{"host_cpu":"four","host_image":"windows"}}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("name is required", "connection.token is required",
                "connection.colour is not a connection field", "inputs.host_cpu must be an integer",
                "inputs.host_image must be one of [ubuntu-24.04, alpine-3.20, rocky-9]");

        String name = "lab-" + shortId();
        HttpResponse<String> created = http().postJson("/providers", """
                {"name":"%s","template":"local","description":"the lab","connection":{"site":"lab","token":"%s"},
                 "inputs":{"host_cpu":4}}""".formatted(name, TOKEN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode provider = Http.JSON.readTree(created.body());
        assertThat(provider.get("connectionFields").toString()).isEqualTo("[\"site\",\"token\"]");
        assertThat(provider.get("inputs").get("host_cpu").asInt()).isEqualTo(4);
        assertThat(provider.get("inputs").get("host_image").asString()).isEqualTo("ubuntu-24.04");
        assertThat(http().postJson("/providers", """
                {"name":"%s","template":"local","connection":{"site":"x","token":"y"}}""".formatted(name))
                .statusCode()).isEqualTo(409);

        HttpResponse<String> edited = http().putJson("/providers/" + name, """
                {"connection":{"token":"%s-rotated"},"inputs":{"host_memory_mb":4096}}""".formatted(TOKEN));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Http.JSON.readTree(edited.body()).get("inputs").get("host_memory_mb").asInt()).isEqualTo(4096);

        String everything = http().get("/providers").body() + http().get("/providers/" + name).body() + edited.body()
                + created.body();
        assertThat(everything).doesNotContain(TOKEN).doesNotContain("\"lab\"");
        byte[] stored = jdbc.sql("SELECT connection FROM provider WHERE name = ?").param(name).query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN).doesNotContain("site");

        assertThat(http().delete("/providers/" + name).statusCode()).isEqualTo(204);
        assertThat(http().get("/providers/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void aProvisionRequestWithFaultsIsRefusedWithEachNamed() {
        String provider = provider();
        HttpResponse<String> refused = http().postJson("/provisions", """
                {"name":"x","provider":"%s","owner":"","hosts":[{"name":"edge","count":0},{"name":"Edge"}],
                 "networks":[{"name":"net","count":2}]}""".formatted(provider));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("owner, when given, names the user",
                "hosts[0].count must be an integer from 1 to 1000", "hosts[1].name is required",
                "networks[0].count is allowed on hosts only");
        assertThat(http().postJson("/provisions", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(http().get("/provisions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void twentyHostsReachRunningAndADeleteLeavesNothing() throws Exception {
        String provider = provider();
        JsonNode created = create("""
                {"name":"edge-twenty","provider":"%s","owner":"alice","group":"ops",
                 "hosts":[{"name":"edge","count":20,"attributes":{"rack":"r1"}}],
                 "networks":[{"name":"public","attributes":{"cidr":"10.0.0.0/24"}}],
                 "datastores":[{"name":"images"}]}""".formatted(provider));
        String id = created.get("id").asString();
        assertThat(created.get("access").get("owner").asString()).isEqualTo("alice");

        JsonNode provision = awaitState(id, "RUNNING");
        assertThat(provision.get("hosts")).hasSize(20);
        for (JsonNode host : provision.get("hosts")) {
            assertThat(host.get("state").asString()).isEqualTo("RUNNING");
            assertThat(host.get("attributes").get("rack").asString()).isEqualTo("r1");
            assertThat(host.get("attributes").get("cpu").asInt()).isEqualTo(2);
        }
        assertThat(provision.get("networks").get(0).get("name").asString()).isEqualTo("public");
        assertThat(provision.get("datastores").get(0).get("name").asString()).isEqualTo("images");
        assertThat(provision.get("terraform").get("state").get("resources").asInt()).isEqualTo(23);
        String stateKey = provision.get("terraform").get("state").get("objectKey").asString();
        assertThat(objects.keys("opencloud-provisions", stateKey)).containsExactly(stateKey);
        assertThat(records(id, "host")).hasSize(20);
        assertThat(createdLog(id)).hasSize(23).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.walk(PROVISIONING.resolve("terraform").resolve(id))) {
            assertThat(files.filter(Files::isRegularFile)).as("the connection reaches Terraform through its "
                    + "environment only").isNotEmpty().allSatisfy(file -> assertThat(file).content().doesNotContain(TOKEN));
        }

        JsonNode saga = saga(provision.get("sagaId").asString());
        assertThat(saga.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(history(saga, "PROGRESS", "io.opencloud.terraform.resource.completed.v1"))
                .anyMatch(detail -> detail.startsWith("terraform_data.host_edge-17: Creation complete"));
        assertThat(http().get("/provisions?owner=alice").body()).contains(id);
        assertThat(http().get("/provisions?owner=bob").body()).doesNotContain(id);

        HttpResponse<String> deleted = http().delete("/provisions/" + id + "?reason=done+with+it");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
        JsonNode done = awaitState(id, "DONE");
        assertThat(done.get("terraform").get("state").get("resources").asInt()).isZero();
        assertThat(done.get("hosts")).isEmpty();
        assertThat(records(id, "host")).isEmpty();
        assertThat(records(id, "cluster")).isEmpty();
        assertThat(PROVISIONING.resolve("terraform").resolve(id)).doesNotExist();
        assertThat(http().delete("/providers/" + provider).statusCode()).isEqualTo(204);
    }

    @Test
    void aHostThatFailsTwiceIsRetriedAloneAndTheProvisionRuns() throws IOException {
        String id = create("""
                {"name":"edge-flaky","provider":"%s","owner":"alice",
                 "hosts":[{"name":"steady","count":3},{"name":"flaky","attributes":{"simulate_failures":2}}]}"""
                .formatted(provider())).get("id").asString();

        JsonNode provision = awaitState(id, "RUNNING");
        JsonNode saga = saga(provision.get("sagaId").asString());
        assertThat(step(saga, "apply").get("attempts").asInt()).isEqualTo(3);
        assertThat(history(saga, "STEP_FAILED_ATTEMPT", null))
                .hasSize(2).allMatch(reason -> reason.contains("simulated failure") && reason.contains("flaky"));
        assertThat(Files.readString(recordsDir(id).resolve("host/flaky.attempts")).strip()).isEqualTo("3");
        assertThat(createdLog(id)).containsExactlyInAnyOrder("cluster edge-flaky", "host steady-1", "host steady-2",
                "host steady-3", "host flaky");
        // The second and third attempts only replaced the host that had failed.
        assertThat(history(saga, "PROGRESS", "io.opencloud.terraform.resource.started.v1"))
                .filteredOn(detail -> detail.contains("steady")).hasSize(3);
        assertThat(provision.get("terraform").get("stateVersions").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aHostThatNeverComesUpIsCleanedUpWithNothingLeftInState() throws IOException {
        String id = create("""
                {"name":"edge-broken","provider":"%s","owner":"alice",
                 "hosts":[{"name":"fine","count":2},{"name":"broken","attributes":{"simulate_failures":100}}],
                 "datastores":[{"name":"images"}]}""".formatted(provider())).get("id").asString();

        JsonNode provision = awaitState(id, "ERROR");
        assertThat(provision.get("error").asString()).contains("step apply", "simulated failure 3 of 100",
                "broken");
        JsonNode saga = awaitSagaFinal(provision.get("sagaId").asString());
        assertThat(saga.get("status").asString()).isEqualTo("COMPENSATED");
        assertThat(transitions(saga)).contains("COMPENSATION_COMPLETED");
        provision = Http.JSON.readTree(http().get("/provisions/" + id).body());
        assertThat(provision.get("error").asString()).doesNotContain("destroying what was created");
        assertThat(provision.get("terraform").get("state").get("resources").asInt()).isZero();
        assertThat(createdLog(id)).contains("host fine-1", "host fine-2", "datastore images");
        try (Stream<Path> left = Files.walk(recordsDir(id))) {
            assertThat(left.filter(file -> file.toString().endsWith(".json"))).isEmpty();
        }
        List<JsonNode> versions = StreamSupport.stream(Http.JSON.readTree(http().get("/provisions/" + id + "/states")
                .body()).spliterator(), false).toList();
        assertThat(versions).extracting(version -> version.get("outcome").asString()).contains("FAILED", "SUCCEEDED");
        assertThat(http().get("/provisions/orphans").body()).doesNotContain(id);
    }

    @Test
    void aDeleteDestroysWhatAFailedApplyAndAFailedCleanUpLeftAndTheSweepReportsItUntilThen() throws IOException {
        String id = create("""
                {"name":"edge-stuck","provider":"%s","owner":"alice",
                 "hosts":[{"name":"sticky","attributes":{"simulate_destroy_failures":3}},
                          {"name":"broken","attributes":{"simulate_failures":100}}]}""".formatted(provider()))
                .get("id").asString();

        JsonNode provision = awaitState(id, "ERROR");
        JsonNode saga = awaitSagaFinal(provision.get("sagaId").asString());
        assertThat(saga.get("status").asString()).isEqualTo("FAILED");
        provision = Http.JSON.readTree(http().get("/provisions/" + id).body());
        assertThat(provision.get("error").asString()).contains("simulated failure 3 of 3 destroying host sticky",
                "could not all be destroyed");
        assertThat(records(id, "host")).extracting(path -> path.getFileName().toString())
                .containsExactly("sticky.json");
        JsonNode orphans = Http.JSON.readTree(http().get("/provisions/orphans").body());
        assertThat(StreamSupport.stream(orphans.spliterator(), false)
                .filter(orphan -> orphan.get("provisionId").asString().equals(id)))
                .singleElement().satisfies(orphan -> assertThat(orphan.get("resources").asInt()).isPositive());

        assertThat(http().delete("/provisions/" + id).statusCode()).isEqualTo(202);
        JsonNode done = awaitState(id, "DONE");
        assertThat(done.get("terraform").get("state").get("resources").asInt()).isZero();
        assertThat(records(id, "host")).isEmpty();
        assertThat(records(id, "cluster")).isEmpty();
        assertThat(http().get("/provisions/orphans").body()).doesNotContain(id);
    }

    private String provider() {
        String name = "site-" + shortId();
        HttpResponse<String> created = http().postJson("/providers", """
                {"name":"%s","template":"local","connection":{"site":"%s","token":"%s"}}""".formatted(name, name,
                TOKEN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }

    private JsonNode create(String request) {
        HttpResponse<String> response = http().postJson("/provisions", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.JSON.readTree(response.body());
    }

    private JsonNode awaitState(String id, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PROVISION_TIME).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            last[0] = Http.JSON.readTree(http().get("/provisions/" + id).body());
            assertThat(last[0].get("state").asString()).as(last[0].toString()).isEqualTo(state);
        });
        return last[0];
    }

    private JsonNode awaitSagaFinal(String sagaId) {
        Set<String> end = Set.of("COMPLETED", "COMPENSATED", "FAILED", "ABANDONED");
        return await().atMost(PROVISION_TIME).pollInterval(Duration.ofMillis(250))
                .until(() -> saga(sagaId), saga -> end.contains(saga.get("status").asString()));
    }

    private JsonNode saga(String sagaId) {
        return Http.JSON.readTree(http().get("/sagas/" + sagaId).body());
    }

    private static JsonNode step(JsonNode saga, String name) {
        return StreamSupport.stream(saga.get("steps").spliterator(), false)
                .filter(step -> step.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> transitions(JsonNode saga) {
        return StreamSupport.stream(saga.get("history").spliterator(), false)
                .map(entry -> entry.get("transition").asString()).toList();
    }

    /** The details of the history entries of one transition (and, when given, one event type). */
    private static List<String> history(JsonNode saga, String transition, String eventType) {
        return StreamSupport.stream(saga.get("history").spliterator(), false)
                .filter(entry -> entry.get("transition").asString().equals(transition))
                .filter(entry -> eventType == null || eventType.equals(entry.path("eventType").asString()))
                .map(entry -> entry.path("detail").asString("")).toList();
    }

    private static Path recordsDir(String provisionId) {
        return PROVISIONING.resolve("edge").resolve(provisionId);
    }

    private static List<Path> records(String provisionId, String kind) throws IOException {
        Path folder = recordsDir(provisionId).resolve(kind);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).toList();
        }
    }

    private static List<String> createdLog(String provisionId) throws IOException {
        return Files.readAllLines(recordsDir(provisionId).resolve("created.log"));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
