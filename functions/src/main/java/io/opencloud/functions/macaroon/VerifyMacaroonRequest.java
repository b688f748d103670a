package io.opencloud.functions.macaroon;

/** The data of {@code io.opencloud.macaroon.verify.requested.v1}: a macaroon and the request it should authorize. */
public record VerifyMacaroonRequest(String macaroon, AccessRequest request) {

    /** What the bearer of the macaroon wants to do. */
    public record AccessRequest(String resource, String action) {
    }
}
