package io.opencloud.functions.sentinel;

/** The data of {@code io.opencloud.sentinel.release.completed.v1}. */
public record ReservationReleased(String reservationId, boolean released, int objectsDeleted) {
}
