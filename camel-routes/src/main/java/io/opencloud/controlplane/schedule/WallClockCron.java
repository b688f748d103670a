package io.opencloud.controlplane.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression read on a time zone's wall clock, the way cron daemons read it across daylight-saving changes.
 * An expression whose hours are fixed ({@code 30 2 * * *}: a nightly backup) fires once a day at both changes:
 * when the clock falls back the repeated wall time fires only the first time, and when it jumps forward over the
 * wall time, it fires at the jump instead of not at all. An expression with every hour or an hour step
 * ({@code 0 * * * *}) keeps firing by elapsed time, so it neither repeats nor loses an hour of ticks.
 */
public final class WallClockCron {

    /* Spring's expressions start with seconds; a PingSource's five fields start with minutes. */
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
            "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");

    private final CronExpression cron;
    private final ZoneId zone;
    private final boolean fixedHours;

    private WallClockCron(CronExpression cron, ZoneId zone, boolean fixedHours) {
        this.cron = cron;
        this.zone = zone;
        this.fixedHours = fixedHours;
    }

    /** @throws IllegalArgumentException when the expression is not a cron expression */
    public static WallClockCron parse(String expression, ZoneId zone) {
        String trimmed = expression.trim();
        String sixFields = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        List<String> fields = List.of(sixFields.split("\\s+"));
        if (fields.size() == 5) {
            sixFields = "0 " + sixFields;
            fields = List.of(sixFields.split("\\s+"));
        }
        CronExpression cron = CronExpression.parse(sixFields);
        String hours = fields.get(2);
        return new WallClockCron(cron, zone, !hours.contains("*") && !hours.contains("/") && !hours.contains("?"));
    }

    /** The first tick strictly after {@code after}, or null when the expression never fires again. */
    public Instant next(Instant after) {
        ZonedDateTime candidate = cron.next(after.atZone(zone));
        if (!fixedHours) {
            return candidate == null ? null : candidate.toInstant();
        }
        Instant jump = jumpOverAMatchingWallTime(after, candidate);
        if (jump != null) {
            return jump;
        }
        while (candidate != null && repeatsAnEarlierWallTime(candidate)) {
            candidate = cron.next(candidate);
        }
        return candidate == null ? null : candidate.toInstant();
    }

    /* The instant the clock jumped forward over a wall time the expression matches, between after and candidate. */
    private Instant jumpOverAMatchingWallTime(Instant after, ZonedDateTime candidate) {
        ZoneOffsetTransition transition = zone.getRules().nextTransition(after);
        while (transition != null && (candidate == null || !transition.getInstant().isAfter(candidate.toInstant()))) {
            if (transition.isGap() && matchesBetween(transition.getDateTimeBefore(), transition.getDateTimeAfter())) {
                return transition.getInstant();
            }
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        return null;
    }

    /* Whether the expression matches a wall time in [from, to), read on a clock without daylight saving. */
    private boolean matchesBetween(LocalDateTime from, LocalDateTime to) {
        ZonedDateTime match = cron.next(from.minusSeconds(1).atZone(ZoneOffset.UTC));
        return match != null && match.toLocalDateTime().isBefore(to);
    }

    /* After the clock falls back, the same wall time comes again under the later offset. */
    private boolean repeatsAnEarlierWallTime(ZonedDateTime candidate) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(candidate.toLocalDateTime());
        return offsets.size() == 2 && candidate.getOffset().equals(offsets.get(1));
    }
}
