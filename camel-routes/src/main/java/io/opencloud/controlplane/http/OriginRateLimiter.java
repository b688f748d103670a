package io.opencloud.controlplane.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-origin rate limits of {@code POST /events}: a token bucket per origin, as full as one minute's allowance, so
 * that an origin may burst up to its rate and then sends at its rate. Buckets of origins that have gone quiet are
 * dropped once there are many, so that made-up origins cannot fill memory.
 */
@Component
public class OriginRateLimiter {

    private static final int MAX_TRACKED_ORIGINS = 10_000;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final IngressProperties properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public OriginRateLimiter(IngressProperties properties) {
        this.properties = properties;
    }

    /** Takes one request from the origin's allowance; empty if allowed, otherwise how long until it would be. */
    public Optional<Duration> acquire(String origin) {
        Integer rate = properties.rateOf(origin);
        if (rate == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (buckets.size() > MAX_TRACKED_ORIGINS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(origin, o -> new Bucket(rate, now)).take(now);
    }

    private static final class Bucket {
        private final int capacity;
        private final double tokensPerNano;
        private double tokens;
        private long refilledAt;

        Bucket(int perMinute, long now) {
            capacity = perMinute;
            tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
            tokens = perMinute;
            refilledAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
        }
    }
}
