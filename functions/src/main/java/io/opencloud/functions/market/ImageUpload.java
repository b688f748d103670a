package io.opencloud.functions.market;

/** One IMAGE app of an import to upload, from an image ({@code imageId}) or a VM's disk ({@code vmId}, {@code disk}). */
public record ImageUpload(String appId, String imageId, String vmId, Integer disk) {
}
