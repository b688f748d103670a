package io.opencloud.functions.sentinel;

/** Where a scene's asset is in the catalog, and its media type. */
public record SceneAsset(String href, String type) {
}
