package io.opencloud.functions.market;

/** Create the templates of an exported app; {@code name} (or the app's) names what the app itself becomes. */
public record UnpackRequest(String appId, boolean recursive, String name) {
}
