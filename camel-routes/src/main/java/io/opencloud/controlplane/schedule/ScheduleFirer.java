package io.opencloud.controlplane.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.opencloud.controlplane.saga.Outbox;
import io.opencloud.controlplane.saga.OutboxEvent;
import io.opencloud.events.PingType;
import io.opencloud.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires every due tick of every schedule: a {@value PingType#TYPE} CloudEvent on {@code opencloud.ingress}, written
 * to the outbox in the transaction that moves the schedule's last tick on. The schedule's row stays locked for that
 * transaction, so a tick fires once whether the control plane restarts or several run side by side; the ping's id is
 * derived from the schedule and the tick, so the saga it starts is started once even if the ping is delivered twice.
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
    private volatile boolean registered;

    public ScheduleFirer(Schedules schedules, ScheduleStore store, Outbox outbox, TransactionTemplate tx,
                         MeterRegistry meters) {
        this.schedules = schedules;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** Fires what is due now; returns how many ticks fired. */
    public int fireDue() {
        Instant now = clock.instant();
        if (!registered) {
            schedules.all().forEach(schedule -> store.register(schedule.name(), now));
            registered = true;
        }
        Map<String, Instant> lastTicks = store.lastTicks();
        int fired = 0;
        for (Schedule schedule : schedules.all()) {
            Instant next = schedule.nextTick(lastTicks.get(schedule.name()));
            if (next != null && !next.isAfter(now)) {
                fired += fire(schedule, now);
            }
        }
        return fired;
    }

    private int fire(Schedule schedule, Instant now) {
        TickPlan plan = tx.execute(status -> {
            TickPlan due = TickPlan.of(schedule, store.lockLastTick(schedule.name()).orElseThrow(), now);
            if (due.lastTick() == null) {
                return due;
            }
            for (TickPlan.Tick tick : due.fire()) {
                String eventId = pingId(schedule, tick.at());
                outbox.emit(new OutboxEvent(eventId, schedule.name(), PingType.TYPE, Topics.INGRESS, schedule.data(),
                        schedule.pingSource(), null, tick.at().toString(), null, null));
                store.recordFiring(schedule.name(), tick, eventId, now);
            }
            store.advance(schedule.name(), due.lastTick(), now);
            return due;
        });
        long late = plan.fire().stream().filter(TickPlan.Tick::late).count();
        count(schedule, "fired", plan.fire().size() - late);
        count(schedule, "late", late);
        count(schedule, "skipped", plan.skipped());
        if (late > 0 || plan.skipped() > 0) {
            log.info("Schedule {} caught up by its policy {}: {} missed tick(s) fired late, {} skipped", schedule.name(),
                    schedule.catchUp(), late, plan.skipped());
        }
        return plan.fire().size();
    }

    private void count(Schedule schedule, String outcome, long amount) {
        if (amount > 0) {
            meters.counter("opencloud.schedule.ticks", "schedule", schedule.name(), "outcome", outcome)
                    .increment(amount);
        }
    }

    /** The same tick of the same schedule always gets the same event id. */
    static String pingId(Schedule schedule, Instant tick) {
        return UUID.nameUUIDFromBytes((schedule.pingSource() + "\n" + tick).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
