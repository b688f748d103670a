package io.opencloud.controlplane.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Per-origin rate limits of {@code POST /events}: a token bucket per sender, as full as one minute's allowance, so
 * that a sender may burst up to its rate and then sends at its rate. A sender is the origin it named in the
 * webhook handshake, or else its address. Buckets that have filled up again are dropped, at most once a second;
 * while more than {@value #MAX_TRACKED} buckets are still in use, new origins are limited by their address, so
 * that made-up origins can neither fill memory nor escape the limit.
 */
@Component
public class OriginRateLimiter {

    private static final int MAX_TRACKED = 10_000;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final IngressProperties properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    public OriginRateLimiter(IngressProperties properties) {
        this.properties = properties;
    }

    /**
     * Takes one request from the sender's allowance; empty if allowed, otherwise how long until it would be.
     *
     * @param origin  the origin the sender named, already checked against the allowed origins; null if none
     * @param address the sender's address
     */
    public Optional<Duration> acquire(String origin, String address) {
        Integer rate = properties.rateOf(origin);
        if (rate == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        sweep(now);
        String key = origin != null && (buckets.size() < MAX_TRACKED || buckets.containsKey("origin " + origin))
                ? "origin " + origin : "address " + address;
        return buckets.computeIfAbsent(key, k -> new Bucket(rate, now)).take(now);
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        if (now - last > SWEEP_EVERY_NANOS && buckets.size() > MAX_TRACKED && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
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
