package io.opencloud.functions.macaroon;

/** The data of {@code io.opencloud.macaroon.revoke.completed.v1}. */
public record MacaroonsRevoked(String sagaId, int revoked) {
}
