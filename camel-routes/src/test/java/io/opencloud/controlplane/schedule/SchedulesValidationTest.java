package io.opencloud.controlplane.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencloud.controlplane.saga.RetryPolicy;
import io.opencloud.controlplane.saga.SagaDefinition;
import io.opencloud.controlplane.saga.SagaRegistry;
import io.opencloud.controlplane.saga.SagaStep;
import io.opencloud.events.Operation;
import io.opencloud.events.TriggerType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulesValidationTest {

    private static final String VERIFY = Operation.VERIFY_MACAROON.requestedType();
    private static final String GOOD_DATA = "{\"macaroon\":\"m\",\"request\":{\"resource\":\"r\",\"action\":\"read\"}}";

    /* One single-step saga under the name of every trigger type's default saga, as the registry requires. */
    private final SagaRegistry sagas = new SagaRegistry(Arrays.stream(TriggerType.values())
            .map(trigger -> new SagaDefinition(trigger.defaultSaga(),
                    List.of(SagaStep.of("issue", Operation.ISSUE_MACAROON, context -> null,
                            new RetryPolicy(1, Duration.ofSeconds(1), 1), Duration.ofSeconds(1))), Duration.ofMinutes(1)))
            .toList(),
            new SagaRegistry.TriggerMapping(Map.of("io.opencloud.webhook.github.received.v1", "demo-grant")));

    private static ScheduleSpec spec(String cron, String zone, String target, String data) {
        return new ScheduleSpec(cron, zone, target, data, CatchUpPolicy.LATEST, Duration.ofMinutes(1), 100,
                "system");
    }

    private Schedules schedules(Map<String, ScheduleSpec> specs) {
        return new Schedules(new ScheduleProperties(specs,
                new ScheduleProperties.Scheduler(true, "ns", Duration.ofSeconds(1), Duration.ofDays(7))), sagas);
    }

    @Test
    void aFiveFieldExpressionIsReadAsAPingSourceReadsIt() {
        Schedule schedule = schedules(Map.of("nightly", spec("0 2 * * *", "UTC", VERIFY, GOOD_DATA)))
                .named("nightly").orElseThrow();

        assertThat(schedule.nextTick(Instant.parse("2026-11-25T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
        assertThat(schedule.pingSource()).isEqualTo("/apis/v1/namespaces/ns/pingsources/nightly");
    }

    @Test
    void aTickActsAsTheSchedulerInTheSchedulesTenant() {
        ScheduleSpec red = new ScheduleSpec("@daily", "UTC", VERIFY, GOOD_DATA, CatchUpPolicy.LATEST,
                Duration.ofMinutes(1), 100, "red");
        Schedule schedule = schedules(Map.of("reports", red)).named("reports").orElseThrow();

        assertThat(schedule.caller().tenant()).isEqualTo("red");
        assertThat(schedule.caller().subject()).isEqualTo("schedule:reports");
        assertThat(schedules(Map.of("nightly", spec("0 2 * * *", "UTC", VERIFY, GOOD_DATA))).named("nightly")
                .orElseThrow().caller().tenant()).as("the platform's, unless configured").isEqualTo("system");
    }

    @Test
    void everyFaultOfEveryScheduleIsNamedAtOnce() {
        assertThatThrownBy(() -> schedules(Map.of(
                "bad-cron", spec("every day", "UTC", VERIFY, GOOD_DATA),
                "bad-zone", spec("@daily", "Mars/Olympus", VERIFY, GOOD_DATA),
                "bad-target", spec("@daily", "UTC", "io.opencloud.nothing.requested.v1", "{}"),
                "bad-data", spec("@daily", "UTC", VERIFY, "{\"macaroon\":42}"),
                "never", spec("0 0 30 2 *", "UTC", VERIFY, GOOD_DATA),
                "webhook", spec("@daily", "UTC", "io.opencloud.webhook.github.received.v1", "{}"),
                "Bad_Name", spec("@daily", "UTC", VERIFY, GOOD_DATA))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opencloud.schedules.bad-cron: cron \"every day\" is not a cron expression")
                .hasMessageContaining("opencloud.schedules.bad-zone: time-zone \"Mars/Olympus\"")
                .hasMessageContaining("opencloud.schedules.bad-target: target \"io.opencloud.nothing.requested.v1\"")
                .hasMessageContaining("opencloud.schedules.bad-data: data does not suit " + VERIFY)
                .hasMessageContaining("/data/macaroon")
                .hasMessageContaining("opencloud.schedules.never: cron \"0 0 30 2 *\" never fires")
                .hasMessageContaining("opencloud.schedules.webhook: target \"io.opencloud.webhook.github")
                .hasMessageContaining("opencloud.schedules.Bad_Name: the name must be lower-case");
    }

    @Test
    void aSagaTriggerIsATarget() {
        assertThat(schedules(Map.of("grant", spec("@hourly", "UTC", "io.opencloud.demo.grant.requested.v1",
                "{\"resource\":\"s3://a\",\"action\":\"read\",\"ttlSeconds\":60}"))).all()).hasSize(1);
    }
}
