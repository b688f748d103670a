package io.opencloud.controlplane.schedule;

import io.opencloud.events.PingType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/** A schedule whose expression, zone and data have been checked. */
public record Schedule(String name, String expression, CronExpression cron, ZoneId zone, String target, String data,
                       CatchUpPolicy catchUp, Duration misfireGrace, int maxCatchUp, String namespace) {

    /** The first tick strictly after {@code after}, or null when the expression never fires again. */
    public Instant nextTick(Instant after) {
        ZonedDateTime next = cron.next(after.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    /** The source of this schedule's pings, the one a PingSource of the same name would give them. */
    public String pingSource() {
        return PingType.source(namespace, name);
    }
}
