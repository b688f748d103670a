package io.opencloud.controlplane.saga;

import java.time.Duration;

/** How often a step (or its compensation) is tried, and how long to wait between tries: exponential back-off. */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a step is tried at least once");
        }
    }

    /** The wait before the attempt after {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        return Duration.ofMillis((long) (initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1)));
    }
}
