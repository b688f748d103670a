package io.opencloud.functions.storage;

/** A bucket on an S3 endpoint, reached with a named credential set. */
public record Destination(String endpoint, String bucket, String prefix, String credentials) {

    /** The key an object of this name gets in the destination. */
    String keyOf(String name) {
        return prefix == null || prefix.isBlank() ? name : prefix + "/" + name;
    }
}
