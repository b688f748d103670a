package io.opencloud.functions.processing;

/** A bucket and key prefix that conversions write under. */
public record OutputLocation(String bucket, String prefix) {
}
