package io.opencloud.functions.market;

/** An IMAGE app fetched into the inventory, with the size and SHA-256 it was checked against. */
public record ImageFetched(String appId, String imageId, long sizeBytes, String sha256) {
}
