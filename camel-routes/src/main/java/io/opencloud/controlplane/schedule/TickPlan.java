package io.opencloud.controlplane.schedule;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which of a schedule's due ticks fire. A tick is due when it lies after the last tick dealt with and not after now;
 * it is on time when it is at most the misfire grace old, and missed otherwise. Every on-time tick fires, so a
 * healthy node that stalled for a moment loses none; the catch-up policy decides only about the missed ones.
 *
 * <p>A long outage under a fast schedule is worked through in slices of {@value #SLICE} ticks, each a plan of its
 * own ({@code more} set), so that no transaction walks millions of ticks while it holds the schedule's lock. A slice
 * fires nothing and stops short of the newest missed ticks it saw, so that the last slice still finds the ones a
 * catch-up policy fires.
 *
 * @param toFire   the ticks to fire, oldest first
 * @param skipped  how many due ticks are skipped
 * @param lastTick the newest tick dealt with, which becomes the schedule's last tick; null when none is due
 * @param more     whether more due ticks remain after this slice
 */
public record TickPlan(List<Tick> toFire, long skipped, Instant lastTick, boolean more) {

    static final int SLICE = 100_000;

    /** A tick to fire; {@code late} when it was missed and is fired by catch-up. */
    public record Tick(Instant at, boolean late) {
    }

    public static TickPlan of(Schedule schedule, Instant lastTick, Instant now) {
        Instant onTimeFrom = now.minus(schedule.misfireGrace());
        int keep = Math.max(1, schedule.maxCatchUp());
        // Only the newest missed ticks can fire, so a long outage under a fast schedule does not fill memory.
        Deque<Instant> newestMissed = new ArrayDeque<>();
        Instant lastDropped = null;
        List<Tick> onTime = new ArrayList<>();
        long due = 0;
        for (Instant tick = schedule.nextTick(lastTick); tick != null && !tick.isAfter(now);
             tick = schedule.nextTick(tick)) {
            due++;
            if (!tick.isBefore(onTimeFrom)) {
                onTime.add(new Tick(tick, false));
                continue;
            }
            newestMissed.addLast(tick);
            if (newestMissed.size() > keep) {
                lastDropped = newestMissed.removeFirst();
            }
            if (due >= SLICE && lastDropped != null) {
                return new TickPlan(List.of(), due - newestMissed.size(), lastDropped, true);
            }
        }
        if (due == 0) {
            return new TickPlan(List.of(), 0, null, false);
        }
        List<Tick> toFire = new ArrayList<>(switch (schedule.catchUp()) {
            case SKIP -> List.<Tick>of();
            case LATEST -> onTime.isEmpty() ? List.of(new Tick(newestMissed.getLast(), true)) : List.<Tick>of();
            case ALL -> newestMissed.stream().skip(Math.max(0, newestMissed.size() - schedule.maxCatchUp()))
                    .map(tick -> new Tick(tick, true)).toList();
        });
        toFire.addAll(onTime);
        Instant newest = onTime.isEmpty() ? newestMissed.getLast() : onTime.getLast().at();
        return new TickPlan(List.copyOf(toFire), due - toFire.size(), newest, false);
    }
}
