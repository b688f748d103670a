package io.opencloud.functions.sentinel;

import java.time.Instant;
import java.util.List;

/** The data of {@code io.opencloud.sentinel.search.requested.v1}; absent fields take the schema's defaults. */
public record SearchImagesRequest(String collection, List<Double> bbox, Instant from, Instant to,
                                  Double maxCloudCover, Integer limit) {
}
