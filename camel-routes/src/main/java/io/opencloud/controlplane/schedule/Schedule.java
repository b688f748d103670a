package io.opencloud.controlplane.schedule;

import io.opencloud.events.PingType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A schedule whose expression, zone and data have been checked. */
public record Schedule(String name, String expression, WallClockCron cron, ZoneId zone, String target, String data,
                       CatchUpPolicy catchUp, Duration misfireGrace, int maxCatchUp, String namespace) {

    /** The first tick strictly after {@code after}, or null when the expression never fires again. */
    public Instant nextTick(Instant after) {
        return cron.next(after);
    }

    /** The source of this schedule's pings, the one a PingSource of the same name would give them. */
    public String pingSource() {
        return PingType.source(namespace, name);
    }
}
