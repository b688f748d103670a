package io.opencloud.functions.market;

/** An IMAGE app to fetch into the inventory as the image {@code imageId}. */
public record ImageFetch(String appId, String imageId) {
}
