package io.opencloud.functions.market;

/** Publish the apps of the command's import, whose app asked for is {@code rootAppId}. */
public record PublishRequest(String rootAppId) {
}
