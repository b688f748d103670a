package io.opencloud.functions.sentinel;

/** The data of {@code io.opencloud.sentinel.release.requested.v1}. */
public record ReleaseImagesRequest(String reservationId, String reason) {
}
