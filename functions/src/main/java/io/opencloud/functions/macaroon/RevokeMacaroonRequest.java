package io.opencloud.functions.macaroon;

/** The data of {@code io.opencloud.macaroon.revoke.requested.v1}. */
public record RevokeMacaroonRequest(String sagaId) {
}
