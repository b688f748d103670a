package io.opencloud.functions.sentinel;

/** One asset of a reserved scene, as staged into S3. */
public record StagedObject(String asset, String bucket, String key, long size, String sha256, String contentType) {
}
