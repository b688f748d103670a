package io.opencloud.functions.sentinel;

import java.util.List;

/** The data of {@code io.opencloud.sentinel.expire.completed.v1}. */
public record ExpiredReservationsReleased(List<String> released, int objectsDeleted) {
}
