package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.opencloud.controlplane.saga.Outbox;
import io.opencloud.controlplane.schedule.ScheduleFirer;
import io.opencloud.controlplane.schedule.ScheduleStore;
import io.opencloud.controlplane.schedule.Schedules;
import io.opencloud.events.PingType;
import io.opencloud.events.Topics;
import io.opencloud.infra.test.SharedTestRuntime;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Cron schedules: each tick fires once as a PingSource-shaped event on {@code opencloud.ingress} and is delivered as
 * the schedule's target; missed ticks follow the schedule's catch-up policy.
 */
class SchedulesTest extends ControlPlaneTestBase {

    private static final String HEARTBEAT_SOURCE = PingType.source("opencloud", "heartbeat");

    @Autowired
    Schedules schedules;
    @Autowired
    ScheduleStore store;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry meters;

    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());

    private static Instant newYear(int year, ZoneId zone) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    }

    private List<Instant> firedTicks(String schedule, Instant since) {
        return jdbc.sql("SELECT tick_at FROM schedule_firing WHERE schedule = ? AND tick_at >= ? ORDER BY tick_at")
                .params(schedule, Timestamp.from(since)).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    @Test
    void eachTickFiresOnceAsAPingAndIsDeliveredAsTheScheduleTarget() {
        try (TopicReader pings = new TopicReader(Topics.INGRESS,
                r -> HEARTBEAT_SOURCE.equals(TopicReader.header(r, "ce_source")))) {
            List<ConsumerRecord<String, byte[]>> records = pings.awaitAtLeast(3, Duration.ofSeconds(30));

            ConsumerRecord<String, byte[]> ping = records.getLast();
            assertThat(TopicReader.header(ping, "ce_type")).isEqualTo(PingType.TYPE);
            assertThat(ping.key()).isEqualTo("heartbeat");
            assertThat(Http.JSON.readTree(ping.value()).get("request").get("resource").asString())
                    .isEqualTo("s3://tick");
            JsonNode reply = http().reply(TopicReader.header(ping, "ce_id"));
            assertThat(reply.get("type").asString()).startsWith("io.opencloud.macaroon.verify.");
            assertThat(records.stream().map(r -> TopicReader.header(r, "ce_id")).distinct())
                    .as("one ping per tick").hasSameSizeAs(records);
            assertThat(records.stream().map(r -> TopicReader.header(r, "ce_time")).distinct())
                    .hasSameSizeAs(records);
        }
    }

    @Test
    void twoSchedulersSideBySideFireEachTickOnce() throws Exception {
        ScheduleFirer second = new ScheduleFirer(schedules, store, outbox, tx, meters);
        Instant start = Instant.now();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try (TopicReader pings = new TopicReader(Topics.INGRESS,
                r -> HEARTBEAT_SOURCE.equals(TopicReader.header(r, "ce_source"))
                        && !Instant.parse(TopicReader.header(r, "ce_time")).isBefore(start))) {
            CompletableFuture<Void> racing = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    try {
                        second.fireDue();
                        // Polls ten times as often as the scheduler's own timer, to meet it at every tick.
                        Thread.sleep(100);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            List<ConsumerRecord<String, byte[]>> records = pings.awaitAtLeast(4, Duration.ofSeconds(30));
            running.set(false);
            racing.get();

            List<Instant> ticks = records.stream().map(r -> Instant.parse(TopicReader.header(r, "ce_time"))).sorted()
                    .toList();
            assertThat(failures).as("a firer that raced another for a tick").isEmpty();
            assertThat(records.stream().map(r -> TopicReader.header(r, "ce_id")).distinct())
                    .as("one ping per tick").hasSameSizeAs(records);
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(Duration.between(ticks.get(i - 1), ticks.get(i))).as("no tick skipped, none twice")
                        .isEqualTo(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void missedTicksFollowEachSchedulesCatchUpPolicy() {
        int thisYear = ZonedDateTime.now(ZoneOffset.UTC).getYear();
        Instant longAgo = newYear(thisYear - 3, ZoneOffset.UTC).plus(Duration.ofDays(150));
        for (String schedule : List.of("yearly-all", "yearly-latest", "yearly-skip")) {
            jdbc.sql("UPDATE schedule_state SET last_tick = ? WHERE schedule = ?")
                    .params(Timestamp.from(longAgo), schedule).update();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> firedTicks("yearly-all", longAgo).size() == 3
                && firedTicks("yearly-latest", longAgo).size() == 1
                && !store.lastTicks().get("yearly-skip").equals(longAgo));

        assertThat(firedTicks("yearly-all", longAgo)).containsExactly(newYear(thisYear - 2, ZoneOffset.UTC),
                newYear(thisYear - 1, ZoneOffset.UTC), newYear(thisYear, ZoneOffset.UTC));
        assertThat(firedTicks("yearly-latest", longAgo)).as("New Year in Rome")
                .containsExactly(newYear(thisYear, ZoneId.of("Europe/Rome")));
        assertThat(firedTicks("yearly-skip", longAgo)).isEmpty();
        assertThat(store.lastTicks().get("yearly-skip")).isEqualTo(newYear(thisYear, ZoneOffset.UTC));
        ScheduleStore.Firing late = store.recentFirings("yearly-latest", 1).getFirst();
        assertThat(late.late()).isTrue();
        assertThat(http().reply(late.eventId()).get("type").asString()).startsWith("io.opencloud.macaroon.verify.");
    }

    @Test
    void aPingSourceDeliveringOverHttpIsServedAndAPingOfNoScheduleIsRefused() {
        String tick = id();
        HttpResponse<String> accepted = http().postStructured("""
                {"specversion":"1.0","id":"%s","source":"%s","type":"dev.knative.sources.ping",
                 "data":%s}""".formatted(tick, HEARTBEAT_SOURCE, TICK_DATA));
        HttpResponse<String> refused = http().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/apis/v1/namespaces/opencloud/pingsources/nope",
                 "type":"dev.knative.sources.ping","data":{}}""".formatted(id()));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(http().reply(tick).get("type").asString()).startsWith("io.opencloud.macaroon.verify.");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.JSON.readTree(refused.body()).get("errors").get(0).get("attribute").asString())
                .isEqualTo("source");
        assertThat(refused.body()).contains("names no configured schedule");
    }

    @Test
    void theSchedulesAreListedWithTheirNextTickAndRecentFirings() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !store.recentFirings("heartbeat", 1).isEmpty());
        JsonNode list = Http.JSON.readTree(http().get("/schedules").body());

        assertThat(list.findValuesAsString("name")).contains("heartbeat", "yearly-all", "yearly-latest",
                "yearly-skip");
        assertThat(list.findValuesAsString("name")).as("in name order").isSorted();
        JsonNode heartbeat = StreamSupport.stream(list.spliterator(), false)
                .filter(schedule -> schedule.get("name").asString().equals("heartbeat")).findFirst().orElseThrow();
        assertThat(heartbeat.get("source").asString()).isEqualTo(HEARTBEAT_SOURCE);
        assertThat(heartbeat.get("nextTick").isNull()).isFalse();
        assertThat(heartbeat.get("recentFirings")).isNotEmpty();
    }
}
