package io.opencloud.controlplane.schedule;

/**
 * What a schedule does with ticks it missed, because the control plane was down or busy for longer than the
 * schedule's misfire grace.
 */
public enum CatchUpPolicy {
    /** Fire only ticks that are on time; missed ticks are skipped. */
    SKIP,
    /** Of all the due ticks, fire the most recent one, once; the older ones are skipped. */
    LATEST,
    /** Fire every missed tick, oldest first, up to the schedule's max-catch-up; any older are skipped. */
    ALL
}
