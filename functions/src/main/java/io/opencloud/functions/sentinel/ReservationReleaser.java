package io.opencloud.functions.sentinel;

import org.springframework.stereotype.Component;

/**
 * Ends a reservation: marks it released first, so that no staging can complete after this point, then deletes
 * whatever was staged for it, including what an interrupted staging left behind.
 */
@Component
class ReservationReleaser {

    private final ReservationStore store;
    private final SceneStaging staging;

    ReservationReleaser(ReservationStore store, SceneStaging staging) {
        this.store = store;
        this.staging = staging;
    }

    ReservationReleased release(String reservationId, String reason) {
        boolean released = store.release(reservationId, reason);
        return new ReservationReleased(reservationId, released, staging.unstage(reservationId));
    }
}
