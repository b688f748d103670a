package io.opencloud.functions.sentinel;

import java.time.Instant;
import java.util.List;

/** The data of {@code io.opencloud.sentinel.reserve.completed.v1}: a reservation and where its scenes are staged. */
public record Reservation(String reservationId, String execution, Instant expiresAt, List<StagedScene> scenes) {
}
