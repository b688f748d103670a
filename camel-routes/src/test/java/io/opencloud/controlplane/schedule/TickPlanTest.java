package io.opencloud.controlplane.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class TickPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:30Z");

    private static Schedule hourly(CatchUpPolicy policy, int maxCatchUp) {
        return new Schedule("hourly", "0 0 * * * *", CronExpression.parse("0 0 * * * *"), ZoneId.of("UTC"),
                "t", "{}", policy, Duration.ofMinutes(1), maxCatchUp, "opencloud");
    }

    private static Instant hour(int h) {
        return Instant.parse("2026-11-25T00:00:00Z").plus(Duration.ofHours(h));
    }

    @Test
    void nothingIsDueBeforeTheNextTick() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.ALL, 10), hour(12), NOW);

        assertThat(plan.fire()).isEmpty();
        assertThat(plan.lastTick()).isNull();
    }

    @Test
    void aTickWithinTheGraceIsOnTime() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.SKIP, 10), hour(11), NOW);

        assertThat(plan.fire()).containsExactly(new TickPlan.Tick(hour(12), false));
        assertThat(plan.lastTick()).isEqualTo(hour(12));
    }

    @Test
    void skipFiresOnlyTheOnTimeTickAfterAnOutage() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.SKIP, 10), hour(7), NOW);

        assertThat(plan.fire()).containsExactly(new TickPlan.Tick(hour(12), false));
        assertThat(plan.skipped()).isEqualTo(4);
    }

    @Test
    void latestFiresTheNewestDueTickOnceEvenWhenItIsLate() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.LATEST, 10), hour(7), NOW.plus(Duration.ofMinutes(5)));

        assertThat(plan.fire()).containsExactly(new TickPlan.Tick(hour(12), true));
        assertThat(plan.skipped()).isEqualTo(4);
        assertThat(plan.lastTick()).isEqualTo(hour(12));
    }

    @Test
    void allFiresEveryMissedTickOldestFirstUpToTheCap() {
        TickPlan plan = TickPlan.of(hourly(CatchUpPolicy.ALL, 3), hour(5), NOW);

        assertThat(plan.fire()).containsExactly(new TickPlan.Tick(hour(9), true), new TickPlan.Tick(hour(10), true),
                new TickPlan.Tick(hour(11), true), new TickPlan.Tick(hour(12), false));
        assertThat(plan.skipped()).isEqualTo(3);
        assertThat(plan.lastTick()).isEqualTo(hour(12));
    }

    @Test
    void aScheduleIsReadInItsZone() {
        Schedule rome = new Schedule("rome", "0 0 2 * * *", CronExpression.parse("0 0 2 * * *"),
                ZoneId.of("Europe/Rome"), "t", "{}", CatchUpPolicy.ALL, Duration.ofMinutes(1), 10, "opencloud");

        assertThat(rome.nextTick(hour(0))).isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
    }
}
