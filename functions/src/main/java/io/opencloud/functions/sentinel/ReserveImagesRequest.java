package io.opencloud.functions.sentinel;

import java.time.Instant;
import java.util.List;

/** The data of {@code io.opencloud.sentinel.reserve.requested.v1}. */
public record ReserveImagesRequest(String collection, List<String> scenes, Instant expiresAt, String execution) {
}
