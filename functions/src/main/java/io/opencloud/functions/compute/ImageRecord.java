package io.opencloud.functions.compute;

import tools.jackson.databind.JsonNode;

/** An image of the compute inventory ({@code compute_image}); {@code attributes} holds TYPE, DEV_PREFIX and the like. */
public record ImageRecord(String imageId, String name, String driver, String format, String location, long sizeBytes,
                          String sha256, JsonNode attributes, String createdBySaga) {
}
