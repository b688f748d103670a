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
 * @param toFire   the ticks to fire, oldest first
 * @param skipped  how many due ticks are skipped
 * @param lastTick the newest due tick, which becomes the last tick dealt with; null when none is due
 */
public record TickPlan(List<Tick> toFire, long skipped, Instant lastTick) {

    /** A tick to fire; {@code late} when it was missed and is fired by catch-up. */
    public record Tick(Instant at, boolean late) {
    }

    public static TickPlan of(Schedule schedule, Instant lastTick, Instant now) {
        Instant onTimeFrom = now.minus(schedule.misfireGrace());
        // Only the newest missed ticks can fire, so a long outage under a fast schedule does not fill memory.
        Deque<Instant> newestMissed = new ArrayDeque<>();
        List<Tick> onTime = new ArrayList<>();
        long due = 0;
        for (Instant tick = schedule.nextTick(lastTick); tick != null && !tick.isAfter(now);
             tick = schedule.nextTick(tick)) {
            due++;
            if (tick.isBefore(onTimeFrom)) {
                newestMissed.addLast(tick);
                if (newestMissed.size() > Math.max(1, schedule.maxCatchUp())) {
                    newestMissed.removeFirst();
                }
            } else {
                onTime.add(new Tick(tick, false));
            }
        }
        if (due == 0) {
            return new TickPlan(List.of(), 0, null);
        }
        List<Tick> toFire = new ArrayList<>(switch (schedule.catchUp()) {
            case SKIP -> List.<Tick>of();
            case LATEST -> onTime.isEmpty() ? List.of(new Tick(newestMissed.getLast(), true)) : List.<Tick>of();
            case ALL -> newestMissed.stream().skip(Math.max(0, newestMissed.size() - schedule.maxCatchUp()))
                    .map(tick -> new Tick(tick, true)).toList();
        });
        toFire.addAll(onTime);
        Instant newest = onTime.isEmpty() ? newestMissed.getLast() : onTime.getLast().at();
        return new TickPlan(List.copyOf(toFire), due - toFire.size(), newest);
    }
}
