package io.opencloud.functions.sentinel;

/** The data of {@code io.opencloud.sentinel.urls.requested.v1}. */
public record ImageUrlsRequest(String reservationId, Long validForSeconds, Boolean clipToReservation) {
}
