package io.opencloud.functions.compute;

/** One disk of a VM: its TYPE (IMAGE, KERNEL, CONTEXT), the image it was copied from, and the copy the driver keeps. */
public record VmDisk(String type, String imageId, String format, String location, long sizeBytes, String sha256) {
}
