package io.opencloud.controlplane.saga;

import java.time.Instant;

/** One transition of a saga, as {@code GET /sagas/{id}} and its stream show it. */
public record HistoryEntry(long id, Instant at, String transition, Integer step, String eventId, String eventType,
                           String detail) {
}
