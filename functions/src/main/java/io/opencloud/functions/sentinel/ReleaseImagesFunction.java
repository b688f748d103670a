package io.opencloud.functions.sentinel;

import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Releases a reservation: deletes its staged assets and ends it for good. The compensation of
 * {@link ReserveImagesFunction}.
 *
 * <p>Consumes {@code io.opencloud.sentinel.release.requested.v1}; produces
 * {@code io.opencloud.sentinel.release.completed.v1}, or {@code io.opencloud.sentinel.release.failed.v1} when the
 * staged objects cannot be deleted. Idempotent, and tolerant of a reservation that never happened: that one is
 * barred, so a reserve command still on its way fails instead of staging.
 */
@Component("releaseImages")
public class ReleaseImagesFunction implements Function<ReleaseImagesRequest, ReservationReleased> {

    private final ReservationReleaser releaser;

    public ReleaseImagesFunction(ReservationReleaser releaser) {
        this.releaser = releaser;
    }

    @Override
    public ReservationReleased apply(ReleaseImagesRequest request) {
        ReservationIds.requireWellFormed(request.reservationId());
        return releaser.release(request.reservationId(), request.reason() == null ? "released on request"
                : request.reason());
    }
}
