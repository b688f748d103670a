package io.opencloud.functions.sentinel;

import java.time.Instant;
import java.util.List;

/** A reservation as stored; {@code staged} is filled once status is RESERVED. */
record ReservationRow(String reservationId, String execution, String collection, List<String> sceneIds,
                      ReservationStatus status, Instant expiresAt, List<StagedScene> staged, Instant releasedAt,
                      String releaseReason) {

    Reservation toReservation() {
        return new Reservation(reservationId, execution, expiresAt, staged);
    }
}
