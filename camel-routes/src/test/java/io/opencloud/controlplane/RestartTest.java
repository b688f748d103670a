package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.controlplane.schedule.ScheduleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The control plane on its embedded default (its own broker, database and S3 server under one data directory),
 * stopped and started again on the same directory: a macaroon issued before the restart still verifies after it, and
 * a schedule ticking every second fires each tick once across the restart, those missed while stopped late, and a
 * Sentinel workflow stopped in the middle of its conversions completes after it.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(ControlPlaneApplication.class,
                "--opencloud.data-dir=" + dataDir, "--server.port=0", "--opencloud.kafka.port=0",
                "--opencloud.kafka.controller-port=0", "--opencloud.db.port=0", "--opencloud.s3.port=0",
                "--opencloud.schedules.every-second.cron=* * * * * *",
                "--opencloud.schedules.every-second.catch-up=all",
                "--opencloud.schedules.every-second.misfire-grace=PT0.5S",
                "--opencloud.schedules.every-second.target=" + ControlPlaneTestBase.VERIFY,
                "--opencloud.schedules.every-second.data=" + ControlPlaneTestBase.TICK_DATA,
                "--opencloud.auth.admin-client-secret=" + TestCredentials.ADMIN_SECRET,
                "--opencloud.auth.service-client-secret=" + TestCredentials.SERVICE_SECRET);
    }

    private static List<ScheduleStore.Firing> firings(ConfigurableApplicationContext context) {
        return context.getBean(ScheduleStore.class).recentFirings("every-second", 10_000).reversed();
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aMacaroonIssuedBeforeARestartVerifiesAfterItAndEveryScheduledTickFiresOnce() {
        String macaroon;
        Instant stoppedAt;
        try (ConfigurableApplicationContext context = start()) {
            Http http = http(context);
            assertThat(http.postStructured(Http.issueEvent("before", "s3://kept/object", "read", 3600)).statusCode())
                    .isEqualTo(202);
            macaroon = http.reply("before").get("data").get("macaroon").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> firings(context).size() >= 2);
            stoppedAt = Instant.now();
        }

        try (ConfigurableApplicationContext context = start()) {
            Http http = http(context);
            assertThat(http.get("/events/before/reply").statusCode()).as("the reply survived too").isEqualTo(200);
            assertThat(http.postStructured(Http.verifyEvent("after", macaroon, "s3://kept/object", "read")).statusCode())
                    .isEqualTo(202);
            assertThat(http.reply("after").get("data").get("valid").asBoolean()).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> firings(context).getLast().tick()
                    .isAfter(Instant.now().minusSeconds(2)));
            List<ScheduleStore.Firing> firings = firings(context);
            for (int i = 1; i < firings.size(); i++) {
                assertThat(Duration.between(firings.get(i - 1).tick(), firings.get(i).tick()))
                        .as("every second fired once, none twice, none lost").isEqualTo(Duration.ofSeconds(1));
            }
            assertThat(firings).filteredOn(f -> f.tick().isAfter(stoppedAt.plusSeconds(1)))
                    .as("the ticks missed while stopped were fired late, by catch-up")
                    .anyMatch(ScheduleStore.Firing::late);
            assertThat(http.reply(firings.getFirst().eventId()).get("type").asString())
                    .startsWith("io.opencloud.macaroon.verify.");
        }
    }

    @Test
    void aWorkflowStoppedHalfWayThroughItsConversionsFinishesAfterTheRestart() {
        String sagaId;
        try (ConfigurableApplicationContext context = start()) {
            sagaId = new Events(http(context)).trigger(SentinelWorkflowTest.WORKFLOW, """
                    {"bbox":[8.9,45.4,10.3,46.1],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T23:59:59Z",
                     "maxCloudCover":20,"destination":{"bucket":"opencloud","prefix":"kept","credentials":"local"}}""");
            await().atMost(Duration.ofSeconds(60)).until(() -> saga(context, sagaId).get("history").toString()
                    .contains("ITEM_COMPLETED"));
            assertThat(saga(context, sagaId).get("status").asString()).isEqualTo("RUNNING");
        }

        try (ConfigurableApplicationContext context = start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !saga(context, sagaId).get("status").asString()
                    .equals("RUNNING"));
            JsonNode saga = saga(context, sagaId);
            assertThat(saga.get("status").asString()).as(saga.path("failureReason").asString()).isEqualTo("COMPLETED");
            assertThat(saga.get("data").get("results").get("push").get("objects")).hasSize(8);
        }
    }

    private static JsonNode saga(ConfigurableApplicationContext context, String sagaId) {
        return Http.JSON.readTree(http(context).get("/sagas/" + sagaId).body());
    }
}
