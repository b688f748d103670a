package io.opencloud.controlplane.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which of a schedule's due ticks fire, by its catch-up policy. A tick is due when it lies after the last tick dealt
 * with and not after now; it is on time when it is at most the misfire grace old, missed otherwise.
 *
 * @param fire     the ticks to fire, oldest first
 * @param skipped  how many due ticks are skipped
 * @param lastTick the newest due tick, which becomes the last tick dealt with; null when none is due
 */
public record TickPlan(List<Tick> fire, long skipped, Instant lastTick) {

    /** A tick to fire; {@code late} when it was missed and is fired by catch-up. */
    public record Tick(Instant at, boolean late) {
    }

    public static TickPlan of(Schedule schedule, Instant lastTick, Instant now) {
        int keep = Math.max(1, schedule.maxCatchUp());
        // Only the newest ticks can fire, so a long outage under a fast schedule does not fill memory.
        Deque<Instant> newest = new ArrayDeque<>();
        long due = 0;
        for (Instant tick = schedule.nextTick(lastTick); tick != null && !tick.isAfter(now);
             tick = schedule.nextTick(tick)) {
            due++;
            newest.addLast(tick);
            if (newest.size() > keep + 1) {
                newest.removeFirst();
            }
        }
        if (due == 0) {
            return new TickPlan(List.of(), 0, null);
        }
        Instant newestTick = newest.getLast();
        List<Tick> fire = switch (schedule.catchUp()) {
            case LATEST -> List.of(new Tick(newestTick, isLate(newestTick, now, schedule.misfireGrace())));
            case SKIP -> newest.stream().filter(t -> !isLate(t, now, schedule.misfireGrace()))
                    .map(t -> new Tick(t, false)).toList();
            case ALL -> catchUpAll(newest, now, schedule);
        };
        return new TickPlan(fire, due - fire.size(), newestTick);
    }

    private static List<Tick> catchUpAll(Deque<Instant> newest, Instant now, Schedule schedule) {
        List<Tick> late = new ArrayList<>();
        List<Tick> onTime = new ArrayList<>();
        for (Instant tick : newest) {
            if (isLate(tick, now, schedule.misfireGrace())) {
                late.add(new Tick(tick, true));
            } else {
                onTime.add(new Tick(tick, false));
            }
        }
        List<Tick> fire = new ArrayList<>(late.subList(Math.max(0, late.size() - schedule.maxCatchUp()), late.size()));
        fire.addAll(onTime);
        return fire;
    }

    private static boolean isLate(Instant tick, Instant now, Duration grace) {
        return Duration.between(tick, now).compareTo(grace) > 0;
    }
}
