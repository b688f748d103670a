package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.controlplane.saga.SagaCoordinator;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.infra.test.SharedTestRuntime;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demonstration saga {@code demo-grant} (issue a macaroon, reserve, check) through the real broker, database,
 * outbox relay and functions, with failures scripted per step.
 */
class SagaTest extends ControlPlaneTestBase {

    private static final Duration SAGA_TIME = Duration.ofSeconds(60);

    @Autowired
    SagaCoordinator coordinator;

    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());

    private String startSaga(String triggerId, String script) {
        HttpResponse<String> response = http().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests/sagas","type":"io.opencloud.demo.grant.requested.v1",
                 "data":{"resource":"s3://results/%s","action":"read","ttlSeconds":600,"script":%s}}"""
                .formatted(triggerId, triggerId, script));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String sagaId = Http.JSON.readTree(response.body()).get("sagaId").asString();
        assertThat(response.headers().firstValue("Location")).contains("/sagas/" + sagaId);
        return sagaId;
    }

    private JsonNode saga(String sagaId) {
        HttpResponse<String> response = http().get("/sagas/" + sagaId);
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.JSON.readTree(response.body());
    }

    private JsonNode awaitStatus(String sagaId, String status) {
        await().atMost(SAGA_TIME).until(() -> saga(sagaId).get("status").asString().equals(status));
        return saga(sagaId);
    }

    private static List<String> transitions(JsonNode saga) {
        return StreamSupport.stream(saga.get("history").spliterator(), false)
                .map(entry -> entry.get("transition").asString()).toList();
    }

    private static List<Integer> stepsOf(JsonNode saga, String transition) {
        return StreamSupport.stream(saga.get("history").spliterator(), false)
                .filter(entry -> entry.get("transition").asString().equals(transition))
                .map(entry -> entry.get("step").asInt()).toList();
    }

    private static JsonNode step(JsonNode saga, String name) {
        return StreamSupport.stream(saga.get("steps").spliterator(), false)
                .filter(step -> step.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private int effects(String sagaId, String step) {
        return jdbc.sql("SELECT count(*) FROM demo_step_effect WHERE saga_id = ? AND step = ? AND done_at IS NOT NULL")
                .params(sagaId, step).query(Integer.class).single();
    }

    private String verify(String macaroon) {
        String id = id();
        http().postStructured(Http.verifyEvent(id, macaroon, "s3://results/x", "read"));
        return http().reply(id).get("data").path("reason").asString("");
    }

    @Test
    void theHappyPathRunsEveryStepOnceAndCompletes() {
        String sagaId = startSaga(id(), "{}");

        JsonNode saga = awaitStatus(sagaId, "COMPLETED");

        assertThat(stepsOf(saga, "STEP_COMPLETED")).containsExactly(0, 1, 2);
        assertThat(saga.get("steps")).allSatisfy(step -> {
            assertThat(step.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(step.get("attempts").asInt()).isEqualTo(1);
        });
        assertThat(saga.get("data").get("results").get("issue").get("macaroon").asString()).isNotBlank();
        assertThat(effects(sagaId, "reserve")).isEqualTo(1);
        assertThat(effects(sagaId, "check")).isEqualTo(1);
    }

    @Test
    void aStepThatFailsThenSucceedsIsRetriedByItsPolicy() {
        String sagaId = startSaga(id(), "{\"check\":{\"failTimes\":2}}");

        JsonNode saga = awaitStatus(sagaId, "COMPLETED");

        assertThat(step(saga, "check").get("attempts").asInt()).isEqualTo(3);
        assertThat(stepsOf(saga, "STEP_RETRY_SCHEDULED")).containsExactly(2, 2);
        assertThat(effects(sagaId, "check")).isEqualTo(1);
    }

    @Test
    void whenRetriesRunOutTheDoneStepsAreCompensatedInReverseOrder() {
        String sagaId = startSaga(id(), "{\"check\":{\"failTimes\":9}}");

        JsonNode saga = awaitStatus(sagaId, "COMPENSATED");

        assertThat(step(saga, "check").get("attempts").asInt()).isEqualTo(3);
        assertThat(stepsOf(saga, "COMPENSATION_SENT")).containsExactly(2, 1, 0);
        assertThat(saga.get("failureReason").asString()).contains("step check failed after 3 attempt(s)")
                .contains("scripted failure 3 of 9");
        assertThat(jdbc.sql("SELECT undone_at IS NOT NULL FROM demo_step_effect WHERE saga_id = ? AND step = 'reserve'")
                .param(sagaId).query(Boolean.class).single()).isTrue();
        String macaroon = saga.get("data").get("results").get("issue").get("macaroon").asString();
        assertThat(verify(macaroon)).contains("revoked");
    }

    @Test
    void aStepThatDoesNotAnswerTimesOutAndIsRetried() {
        String sagaId = startSaga(id(), "{\"reserve\":{\"failTimes\":1,\"hang\":true}}");

        JsonNode saga = awaitStatus(sagaId, "COMPLETED");

        assertThat(transitions(saga)).contains("STEP_TIMED_OUT");
        assertThat(step(saga, "reserve").get("attempts").asInt()).isEqualTo(2);
        assertThat(effects(sagaId, "reserve")).isEqualTo(1);
    }

    @Test
    void aCompensationThatKeepsFailingEndsFailedAndAnOperatorRetryFinishesIt() {
        String sagaId = startSaga(id(), "{\"check\":{\"failTimes\":9},\"reserve\":{\"undoFailTimes\":3}}");

        JsonNode failed = awaitStatus(sagaId, "FAILED");
        assertThat(failed.get("failureReason").asString()).contains("compensation of step reserve failed after 3");
        assertThat(step(failed, "reserve").get("status").asString()).isEqualTo("COMPENSATION_FAILED");
        assertThat(step(failed, "issue").get("status").asString()).as("not compensated before the operator acts")
                .isEqualTo("SUCCEEDED");

        HttpResponse<String> retry = http().post("/sagas/" + sagaId + "/retry", "application/json",
                "{\"operator\":\"alice\"}", Map.of());
        assertThat(retry.statusCode()).isEqualTo(202);

        JsonNode compensated = awaitStatus(sagaId, "COMPENSATED");
        assertThat(transitions(compensated)).containsSubsequence("FAILED", "OPERATOR_RETRY", "COMPENSATED");
        assertThat(stepsOf(compensated, "COMPENSATION_SENT")).endsWith(1, 0);
        assertThat(http().post("/sagas/" + sagaId + "/retry", "application/json", "{}", Map.of()).statusCode())
                .as("only a FAILED saga can be retried").isEqualTo(409);
    }

    @Test
    void anOperatorCanAbandonAFailedSaga() {
        String sagaId = startSaga(id(), "{\"check\":{\"failTimes\":9,\"undoFailTimes\":9}}");
        awaitStatus(sagaId, "FAILED");

        HttpResponse<String> abandon = http().post("/sagas/" + sagaId + "/abandon", "application/json",
                "{\"operator\":\"bob\",\"reason\":\"cleaned up by hand\"}", Map.of());

        assertThat(abandon.statusCode()).isEqualTo(200);
        JsonNode saga = saga(sagaId);
        assertThat(saga.get("status").asString()).isEqualTo("ABANDONED");
        assertThat(saga.get("history").get(saga.get("history").size() - 1).get("detail").asString())
                .as("the operator is the one the token names, not the one the body claims")
                .isEqualTo("by opencloud-admin (system): cleaned up by hand");
    }

    @Test
    void aSagaPastItsDeadlineIsRolledBackNotLeftRunning() {
        // The check never answers; moving the deadline into the past stands for the time that would take.
        String sagaId = startSaga(id(), "{\"check\":{\"failTimes\":9,\"hang\":true}}");
        await().atMost(SAGA_TIME).until(() -> step(saga(sagaId), "check").get("status").asString().equals("RUNNING"));
        jdbc.sql("UPDATE saga SET deadline = now() - interval '1 second' WHERE saga_id = ?").param(sagaId).update();

        JsonNode saga = awaitStatus(sagaId, "COMPENSATED");

        assertThat(transitions(saga)).containsSubsequence("DEADLINE_PASSED", "COMPENSATING", "COMPENSATED");
        assertThat(saga.get("failureReason").asString()).contains("deadline");
        assertThat(stepsOf(saga, "COMPENSATION_SENT")).containsExactly(2, 1, 0);
    }

    @Test
    void theSameTriggerDeliveredTwiceStartsOneSaga() {
        String triggerId = id();

        String first = startSaga(triggerId, "{}");
        String second = startSaga(triggerId, "{}");

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM saga WHERE trigger_id = ?").param(triggerId)
                .query(Integer.class).single()).isEqualTo(1);
        awaitStatus(first, "COMPLETED");
    }

    @Test
    void theSameReplyDeliveredTwiceAdvancesTheSagaOnce() {
        // The check's first attempt goes unanswered, so the reply below is the only one for that command.
        String sagaId = startSaga(id(), "{\"check\":{\"failTimes\":1,\"hang\":true}}");
        await().atMost(SAGA_TIME).until(() -> step(saga(sagaId), "check").get("status").asString().equals("RUNNING"));
        String commandId = step(saga(sagaId), "check").get("commandId").asString();
        var reply = CloudEventBuilder.v1().withId("duplicate-" + commandId)
                .withSource(URI.create(Operation.RUN_DEMO_STEP.replySource()))
                .withType(Operation.RUN_DEMO_STEP.completedType())
                .withExtension(Envelope.SAGA_ID, sagaId).withExtension(Envelope.CAUSATION_ID, commandId)
                .withDataContentType("application/json")
                .withData("{\"step\":\"check\",\"attempt\":1}".getBytes(StandardCharsets.UTF_8)).build();

        coordinator.onReply(reply);
        coordinator.onReply(reply);

        JsonNode saga = awaitStatus(sagaId, "COMPLETED");
        assertThat(stepsOf(saga, "STEP_COMPLETED")).containsExactly(0, 1, 2);
        assertThat(step(saga, "check").get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void theStreamSendsEveryTransitionAndEndsWhenTheSagaIsFinal() {
        String sagaId = startSaga(id(), "{}");

        HttpResponse<String> stream = http().getWithin("/sagas/" + sagaId + "/stream", SAGA_TIME);

        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.body()).contains("event:STARTED").contains("event:COMPLETED");
    }
}
