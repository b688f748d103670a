package io.opencloud.functions.sentinel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Releases every reservation whose expiry has passed, deleting its staged assets. Sent by the cron schedule
 * {@code release-expired-reservations}.
 *
 * <p>Consumes {@code io.opencloud.sentinel.expire.requested.v1}; produces
 * {@code io.opencloud.sentinel.expire.completed.v1}, or {@code io.opencloud.sentinel.expire.failed.v1} when a
 * release fails (those released before it stay released). Idempotent: a released reservation is not found again.
 */
@Component("releaseExpiredReservations")
public class ReleaseExpiredReservationsFunction implements Function<Map<String, Object>, ExpiredReservationsReleased> {

    private static final int BATCH = 500;

    private final ReservationStore store;
    private final ReservationReleaser releaser;
    private final Clock clock = Clock.systemUTC();

    public ReleaseExpiredReservationsFunction(ReservationStore store, ReservationReleaser releaser) {
        this.store = store;
        this.releaser = releaser;
    }

    @Override
    public ExpiredReservationsReleased apply(Map<String, Object> ignored) {
        Instant now = clock.instant();
        List<String> released = new ArrayList<>();
        int deleted = 0;
        for (List<String> due = store.expired(now, BATCH); !due.isEmpty(); due = store.expired(now, BATCH)) {
            for (String reservationId : due) {
                ReservationReleased result = releaser.release(reservationId, "expired (released at " + now + ")");
                released.add(reservationId);
                deleted += result.objectsDeleted();
            }
        }
        return new ExpiredReservationsReleased(released, deleted);
    }
}
