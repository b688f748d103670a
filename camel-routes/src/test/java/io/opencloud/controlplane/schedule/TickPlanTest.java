package io.opencloud.controlplane.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:30Z");

    private static Schedule hourly(CatchUpPolicy policy, int maxCatchUp) {
        return schedule("0 0 * * * *", "UTC", policy, maxCatchUp);
    }

    private static Schedule schedule(String cron, String zone, CatchUpPolicy policy, int maxCatchUp) {
        return new Schedule("s", cron, WallClockCron.parse(cron, ZoneId.of(zone)), ZoneId.of(zone), "t", "{}", policy,
                Duration.ofMinutes(1), maxCatchUp, "opencloud", "system");
    }

    private static Instant hour(int h) {
        return Instant.parse("2026-11-25T00:00:00Z").plus(Duration.ofHours(h));
    }

    @Test
    void nothingIsDueBeforeTheNextTick() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.ALL, 10), hour(12), NOW);

        assertThat(plan.toFire()).isEmpty();
        assertThat(plan.lastTick()).isNull();
    }

    @Test
    void aTickWithinTheGraceIsOnTime() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.SKIP, 10), hour(11), NOW);

        assertThat(plan.toFire()).containsExactly(new TickPlan.Tick(hour(12), false));
        assertThat(plan.lastTick()).isEqualTo(hour(12));
    }

    @Test
    void skipFiresOnlyTheOnTimeTickAfterAnOutage() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.SKIP, 10), hour(7), NOW);

        assertThat(plan.toFire()).containsExactly(new TickPlan.Tick(hour(12), false));
        assertThat(plan.skipped()).isEqualTo(4);
    }

    @Test
    void latestFiresTheNewestDueTickOnceEvenWhenItIsLate() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.LATEST, 10), hour(7), NOW.plus(Duration.ofMinutes(5)));

        assertThat(plan.toFire()).containsExactly(new TickPlan.Tick(hour(12), true));
        assertThat(plan.skipped()).isEqualTo(4);
        assertThat(plan.lastTick()).isEqualTo(hour(12));
    }

    @Test
    void allFiresEveryMissedTickOldestFirstUpToTheCap() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.ALL, 3), hour(5), NOW);

        assertThat(plan.toFire()).containsExactly(new TickPlan.Tick(hour(9), true), new TickPlan.Tick(hour(10), true),
                new TickPlan.Tick(hour(11), true), new TickPlan.Tick(hour(12), false));
        assertThat(plan.skipped()).isEqualTo(3);
        assertThat(plan.lastTick()).isEqualTo(hour(12));
    }

    @Test
    void latestStillFiresEveryTickThatIsOnTime() {
        Schedule everyTenSeconds = schedule("*/10 * * * * *", "UTC", CatchUpPolicy.LATEST, 10);

        TickPlan plan = TickPlan.of(everyTenSeconds, NOW.minusSeconds(35), NOW);

        assertThat(plan.toFire()).extracting(TickPlan.Tick::at).containsExactly(
                Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-25T12:00:10Z"),
                Instant.parse("2026-11-25T12:00:20Z"), Instant.parse("2026-11-25T12:00:30Z"));
        assertThat(plan.skipped()).isZero();
    }

    @Test
    void aLongOutageUnderAFastScheduleIsWorkedThroughInSlicesThatLoseNoTickThePolicyFires() {
        Schedule everySecond = schedule("* * * * * *", "UTC", CatchUpPolicy.ALL, 5);
        Instant lastTick = NOW.minus(Duration.ofDays(3));
        long dealtWith = 0;
        int slices = 0;
        TickPlan plan;
        do {
            plan = TickPlan.of(everySecond, lastTick, NOW);
            dealtWith += plan.skipped() + plan.toFire().size();
            lastTick = plan.lastTick();
            slices++;
            assertThat(plan.more() ? plan.toFire() : List.of()).as("a slice fires nothing").isEmpty();
        } while (plan.more());

        assertThat(slices).isGreaterThan(2);
        assertThat(dealtWith).as("every tick of the three days, once").isEqualTo(Duration.ofDays(3).toSeconds());
        assertThat(plan.toFire().stream().filter(TickPlan.Tick::late).map(TickPlan.Tick::at))
                .as("the five newest missed ticks").containsExactly(NOW.minusSeconds(65), NOW.minusSeconds(64),
                        NOW.minusSeconds(63), NOW.minusSeconds(62), NOW.minusSeconds(61));
        assertThat(plan.toFire()).filteredOn(t -> !t.late()).hasSize(61);
        assertThat(plan.lastTick()).isEqualTo(NOW);
    }

    @Test
    void aScheduleIsReadInItsZone() {
        Schedule rome = schedule("0 0 2 * * *", "Europe/Rome", CatchUpPolicy.ALL, 10);

        assertThat(rome.nextTick(hour(0))).isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
    }

    @Test
    void aFixedWallTimeFiresOnceWhenTheClockFallsBack() {
        Schedule nightly = schedule("30 2 * * *", "Europe/Rome", CatchUpPolicy.ALL, 10);

        Instant first = nightly.nextTick(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).as("02:30 summer time").isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(nightly.nextTick(first)).as("not again at 02:30 winter time")
                .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void aFixedWallTimeTheClockJumpsOverFiresAtTheJump() {
        Schedule nightly = schedule("30 2 * * *", "Europe/Rome", CatchUpPolicy.ALL, 10);

        Instant jump = nightly.nextTick(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(jump).as("02:00 winter time became 03:00 summer time").isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(nightly.nextTick(jump)).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void anHourlyScheduleKeepsFiringByElapsedTimeAcrossBothChanges() {
        Schedule hourly = schedule("0 * * * *", "Europe/Rome", CatchUpPolicy.ALL, 10);

        assertThat(hourly.nextTick(Instant.parse("2026-10-24T23:30:00Z"))).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(hourly.nextTick(Instant.parse("2026-10-25T00:00:00Z"))).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(hourly.nextTick(Instant.parse("2026-03-29T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }
}
