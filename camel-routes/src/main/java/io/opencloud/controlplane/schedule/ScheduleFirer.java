package io.opencloud.controlplane.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.opencloud.controlplane.saga.Outbox;
import io.opencloud.controlplane.saga.OutboxEvent;
import io.opencloud.events.DerivedIds;
import io.opencloud.events.PingType;
import io.opencloud.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires every due tick of every schedule: a {@value PingType#TYPE} CloudEvent on {@code opencloud.ingress}, written
 * to the outbox in the transaction that moves the schedule's last tick on. The schedule's row stays locked for that
 * transaction, so a tick fires once whether the control plane restarts or several run side by side; the ping's id is
 * derived from the schedule, the tick and a salt kept with the schedule, so the saga it starts is started once even
 * if the ping is delivered twice, and nobody can send a future tick ahead of time under its id.
 */
@Component
public class ScheduleFirer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);

    private final Schedules schedules;
    private final ScheduleStore store;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Clock clock;

    public ScheduleFirer(Schedules schedules, ScheduleStore store, Outbox outbox, TransactionTemplate tx,
                         MeterRegistry meters) {
        this.schedules = schedules;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** Fires what is due now; returns how many ticks fired. A schedule that fails does not hold up the others. */
    public int fireDue() {
        Instant now = clock.instant();
        Map<String, Instant> lastTicks = store.lastTicks();
        int fired = 0;
        for (Schedule schedule : schedules.all()) {
            Instant lastTick = lastTicks.get(schedule.name());
            if (lastTick == null) {
                store.register(schedule.name(), now);
                continue;
            }
            Instant next = schedule.nextTick(lastTick);
            if (next != null && !next.isAfter(now)) {
                try {
                    fired += fireSlices(schedule, now);
                } catch (RuntimeException e) {
                    count(schedule, "failed", 1);
                    log.warn("Schedule {} could not fire its due ticks; the next poll tries again", schedule.name(), e);
                }
            }
        }
        return fired;
    }

    /* One transaction per slice of a long outage, each short. */
    private int fireSlices(Schedule schedule, Instant now) {
        int fired = 0;
        long late = 0;
        long skipped = 0;
        TickPlan plan;
        do {
            plan = fire(schedule, now);
            fired += plan.toFire().size();
            late += plan.toFire().stream().filter(TickPlan.Tick::late).count();
            skipped += plan.skipped();
        } while (plan.more());
        if (late > 0 || skipped > 0) {
            log.info("Schedule {} caught up by its policy {}: {} missed tick(s) fired late, {} skipped", schedule.name(),
                    schedule.catchUp(), late, skipped);
        }
        return fired;
    }

    private TickPlan fire(Schedule schedule, Instant now) {
        TickPlan plan = tx.execute(status -> {
            ScheduleStore.State state = store.lock(schedule.name()).orElseThrow();
            TickPlan due = TickPlan.of(schedule, state.lastTick(), now);
            if (due.lastTick() == null) {
                return due;
            }
            for (TickPlan.Tick tick : due.toFire()) {
                String eventId = pingId(schedule, tick.at(), state.pingSalt());
                outbox.emit(new OutboxEvent(eventId, schedule.name(), PingType.TYPE, Topics.INGRESS, schedule.data(),
                        schedule.pingSource(), null, tick.at().toString(), null, null));
                store.recordFiring(schedule.name(), tick, eventId, now);
            }
            store.advance(schedule.name(), due.lastTick(), now);
            return due;
        });
        long late = plan.toFire().stream().filter(TickPlan.Tick::late).count();
        count(schedule, "fired", plan.toFire().size() - late);
        count(schedule, "late", late);
        count(schedule, "skipped", plan.skipped());
        return plan;
    }

    private void count(Schedule schedule, String outcome, long amount) {
        if (amount > 0) {
            meters.counter("opencloud.schedule.ticks", "schedule", schedule.name(), "outcome", outcome)
                    .increment(amount);
        }
    }

    /** The same tick of the same schedule always gets the same event id, which nobody outside can work out. */
    private static String pingId(Schedule schedule, Instant tick, String salt) {
        return DerivedIds.of(salt, schedule.pingSource(), tick.toString());
    }
}
