package io.opencloud.functions.macaroon;

/** The data of {@code io.opencloud.macaroon.issue.completed.v1}; {@code expiresAt} is an RFC 3339 instant. */
public record MacaroonIssued(String macaroon, String keyId, String resource, String action, String expiresAt) {
}
