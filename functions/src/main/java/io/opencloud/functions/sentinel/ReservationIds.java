package io.opencloud.functions.sentinel;

import io.opencloud.events.DerivedIds;
import io.opencloud.functions.OperationFailedException;
import java.util.UUID;

/**
 * A reservation's id, derived from the execution that holds it: asking twice finds the same reservation, and a saga
 * can name the reservation it compensates even when the reserve reply never came.
 */
public final class ReservationIds {

    private ReservationIds() {
    }

    public static String of(String execution) {
        return DerivedIds.of("sentinel-reservation", execution);
    }

    /** @throws OperationFailedException (not retryable) when the id cannot be a reservation's */
    static void requireWellFormed(String reservationId) {
        try {
            UUID.fromString(String.valueOf(reservationId));
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("reservationId " + reservationId + " is not a UUID", false);
        }
    }

    /** Where a reservation's assets are staged in the staging bucket. */
    static String stagingPrefix(String reservationId) {
        return "reservations/" + reservationId + "/";
    }
}
