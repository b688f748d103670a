package io.opencloud.functions.provision;

/** The command of {@code configureHost}: a provision and the name of one of its hosts. */
public record ConfigureHostRequest(String provisionId, String host) {
}
