package io.opencloud.functions.macaroon;

/** The data of {@code io.opencloud.macaroon.verify.completed.v1}; {@code reason} says why when it is not valid. */
public record MacaroonVerification(boolean valid, String reason, String resource, String action) {

    public static MacaroonVerification granted(VerifyMacaroonRequest.AccessRequest request) {
        return new MacaroonVerification(true, null, request.resource(), request.action());
    }

    public static MacaroonVerification refused(VerifyMacaroonRequest.AccessRequest request, String reason) {
        return new MacaroonVerification(false, reason, request.resource(), request.action());
    }
}
