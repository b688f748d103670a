package io.opencloud.controlplane.schedule;

import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.events.PingType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A schedule whose expression, zone and data have been checked. */
public record Schedule(String name, String expression, WallClockCron cron, ZoneId zone, String target, String data,
                       CatchUpPolicy catchUp, Duration misfireGrace, int maxCatchUp, String namespace,
                       String tenant) {

    /** Whom a tick acts as: the scheduler, in the schedule's tenant, with the control plane's own rights. */
    public Caller caller() {
        return new Caller("schedule:" + name, tenant, Role.SERVICE, "scheduler", null);
    }

    /** The first tick strictly after {@code after}, or null when the expression never fires again. */
    public Instant nextTick(Instant after) {
        return cron.next(after);
    }

    /** The source of this schedule's pings, the one a PingSource of the same name would give them. */
    public String pingSource() {
        return PingType.source(namespace, name);
    }
}
