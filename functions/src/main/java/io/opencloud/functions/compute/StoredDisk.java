package io.opencloud.functions.compute;

/** Bytes a compute driver stored (an image or a VM's disk): where, in which format, how many, and their SHA-256. */
public record StoredDisk(String location, String format, long sizeBytes, String sha256) {
}
