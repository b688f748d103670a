package io.opencloud.functions.macaroon;

/** The data of {@code io.opencloud.macaroon.issue.requested.v1}. */
public record IssueMacaroonRequest(String resource, String action, long ttlSeconds) {
}
